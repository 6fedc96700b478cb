import type { Monitor } from '@vantage/shared';
import type { ApiHandlers, AppInfoView, RegionView } from '../../contract/index.js';
import type { CoreContext } from './core-context.js';
import { DESKTOP_VERSION } from './desktop-version.js';

/** What `app.info` answers now: the welcome screen's first-run flag, the embedded relay, known regions. */
export function appInfo(ctx: CoreContext): AppInfoView {
  const embedded = ctx.connection.embedded;
  return {
    version: DESKTOP_VERSION,
    shell: ctx.config.shell,
    dataDir: ctx.config.dataDir,
    firstRun: ctx.store.monitors.count() === 0,
    embedded: embedded === null ? null : { relayUrl: embedded.url, region: embedded.region },
    regions: [...new Set(ctx.store.probes.list().map((p) => p.region))].sort(),
  };
}

/** `app.info`, `probes.list` and `regions.list`. */
export function appHandlers(
  ctx: CoreContext,
): Pick<ApiHandlers, 'app.info' | 'probes.list' | 'regions.list'> {
  return {
    'app.info': () => ({ ok: true, value: appInfo(ctx) }),
    'probes.list': () => ({ ok: true, value: ctx.store.probes.list() }),
    'regions.list': () => ({ ok: true, value: regionViews(ctx) }),
  };
}

/** Regions the probes report and the monitors name, with probe health and monitor counts. */
function regionViews(ctx: CoreContext): RegionView[] {
  const probes = ctx.store.probes.list();
  const monitors = ctx.store.monitors.list().map((r) => r.monitor);
  const names = new Set(probes.map((p) => p.region));
  for (const m of monitors) if (m.regions !== 'all') for (const r of m.regions) names.add(r);
  return [...names].sort().map((region) => {
    const here = probes.filter((p) => p.region === region);
    return {
      region,
      probes: here.length,
      healthyProbes: here.filter((p) => p.healthy).length,
      connectedProbes: here.filter((p) => p.connected).length,
      monitors: monitors.filter((m) => runsIn(m, region)).length,
    };
  });
}

function runsIn(monitor: Monitor, region: string): boolean {
  return monitor.regions === 'all' || monitor.regions.includes(region);
}
