import { RegionHealth } from './region-health.js';

/** What the evaluator knows about one probe. */
export interface ProbeEntry {
  region: RegionHealth;
  healthy: boolean;
}

/**
 * Which probes are healthy, and so which regions are blind. A probe first seen through a
 * result is healthy: results with `probeHealthy: false` never reach the evaluator.
 */
export class ProbeRegistry {
  private readonly probes = new Map<string, ProbeEntry>();
  private readonly regions = new Map<string, RegionHealth>();

  /** The health of a region by name, created on first use. */
  region(name: string): RegionHealth {
    let health = this.regions.get(name);
    if (health === undefined) {
      health = new RegionHealth(name);
      this.regions.set(name, health);
    }
    return health;
  }

  /** A probe's entry, if it was ever seen. */
  get(probeId: string): ProbeEntry | undefined {
    return this.probes.get(probeId);
  }

  /** Records a probe's health (and region); pushes each region whose blindness flipped onto `flipped`. */
  set(probeId: string, regionName: string, healthy: boolean, flipped: RegionHealth[]): void {
    const region = this.region(regionName);
    let entry = this.probes.get(probeId);
    const oldRegion = entry?.region;
    const wasBlind = region.blind;
    const oldWasBlind = oldRegion?.blind ?? false;
    if (entry === undefined) {
      entry = { region, healthy };
      this.probes.set(probeId, entry);
    } else {
      if (entry.healthy) entry.region.healthy--;
      else entry.region.unhealthy--;
      entry.region = region;
      entry.healthy = healthy;
    }
    if (healthy) region.healthy++;
    else region.unhealthy++;
    if (oldRegion !== undefined && oldRegion !== region && oldRegion.blind !== oldWasBlind)
      flipped.push(oldRegion);
    if (region.blind !== wasBlind) flipped.push(region);
  }

  /** Every known probe in the order first seen, for snapshots. */
  list(): Array<{ probeId: string; region: string; healthy: boolean }> {
    return [...this.probes].map(([probeId, e]) => ({ probeId, region: e.region.name, healthy: e.healthy }));
  }
}
