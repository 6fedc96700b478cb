import type { SlaRowView } from '../../contract/methods/analytics-methods.js';

/** The overview's sortable columns. */
export type OverviewColumn = 'name' | 'uptime' | 'downtimeS' | 'incidents' | 'mttrS' | 'p95Ms';

/** A column and a direction. */
export interface OverviewSort {
  column: OverviewColumn;
  descending: boolean;
}

/**
 * The rows in the order asked for; unknown figures (no checks, no recovery) always sort last,
 * whichever the direction, and ties fall back to the name.
 */
export function sortOverview(rows: readonly SlaRowView[], sort: OverviewSort): SlaRowView[] {
  const sign = sort.descending ? -1 : 1;
  const byName = (a: SlaRowView, b: SlaRowView) =>
    a.name.localeCompare(b.name) || a.monitorId.localeCompare(b.monitorId);
  return [...rows].sort((a, b) => {
    if (sort.column === 'name') return sign * byName(a, b);
    const x = a[sort.column];
    const y = b[sort.column];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** The sort after clicking a column: the same column flips, a new one starts in its natural direction. */
export function nextSort(current: OverviewSort, column: OverviewColumn): OverviewSort {
  if (current.column === column) return { column, descending: !current.descending };
  // Worst first for figures where higher is worse; names and uptime start ascending.
  return { column, descending: column !== 'name' && column !== 'uptime' };
}

/** Whether a row meets an SLA target (uptime as a fraction); null when its uptime is unknown. */
export function meetsTarget(row: Pick<SlaRowView, 'uptime'>, target: number): boolean | null {
  return row.uptime === null ? null : row.uptime >= target;
}
