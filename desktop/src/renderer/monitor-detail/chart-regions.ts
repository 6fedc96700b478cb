import type { MonitorView } from '../../contract/index.js';

/**
 * The regions a monitor's chart draws a line for: those it has results or a verdict from, those
 * it is set to run in, and (for a monitor that runs everywhere but has no results yet) every
 * region the relay knows. Sorted by name.
 */
export function chartRegions(view: MonitorView | undefined, knownRegions: readonly string[]): string[] {
  const regions = new Set<string>();
  if (view !== undefined) {
    for (const last of view.regions) regions.add(last.region);
    for (const entry of view.regionStatuses) regions.add(entry.region);
    if (view.monitor.regions !== 'all') for (const region of view.monitor.regions) regions.add(region);
  }
  if (regions.size === 0) for (const region of knownRegions) regions.add(region);
  return [...regions].sort();
}
