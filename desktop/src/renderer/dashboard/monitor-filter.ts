import type { MonitorStatus, MonitorType } from '@vantage/shared';
import type { MonitorView } from '../../contract/index.js';
import { monitorTarget } from '../format/format.js';

/** The state groups the dashboard filters and counts by. */
export const STATE_BUCKETS = ['down', 'degraded', 'up', 'paused', 'pending'] as const;
/** One state group: `down` includes dependency-down, `paused` includes maintenance, `pending` includes unknown. */
export type StateBucket = (typeof STATE_BUCKETS)[number];

/** How the dashboard orders monitors. */
export const SORT_KEYS = ['status', 'name', 'latency', 'uptime', 'changed'] as const;
/** One way to order monitors. */
export type SortKey = (typeof SORT_KEYS)[number];

/** What the dashboard shows: a search, filters (null = any) and an order. */
export interface MonitorFilter {
  query: string;
  state: StateBucket | null;
  tag: string | null;
  group: string | null;
  type: MonitorType | null;
  sort: SortKey;
}

/** Everything shown, worst first. */
export const DEFAULT_FILTER: MonitorFilter = Object.freeze({
  query: '',
  state: null,
  tag: null,
  group: null,
  type: null,
  sort: 'status',
});

/** The state group of a monitor status. */
export function stateBucket(status: MonitorStatus): StateBucket {
  switch (status) {
    case 'down':
    case 'dependency_down':
      return 'down';
    case 'degraded':
      return 'degraded';
    case 'up':
      return 'up';
    case 'paused':
    case 'maintenance':
      return 'paused';
    case 'pending':
    case 'unknown':
      return 'pending';
  }
}

// Worst first: what needs attention comes to the top of a status-sorted dashboard.
const SEVERITY: Record<MonitorStatus, number> = {
  down: 0,
  dependency_down: 1,
  degraded: 2,
  unknown: 3,
  pending: 4,
  maintenance: 5,
  paused: 6,
  up: 7,
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Whether any filter beyond the order is set. */
export function isFiltering(filter: MonitorFilter): boolean {
  return (
    filter.query.trim() !== '' ||
    filter.state !== null ||
    filter.tag !== null ||
    filter.group !== null ||
    filter.type !== null
  );
}

/**
 * The monitors the dashboard shows, in order. Every word of the query must appear in the name,
 * id, target, group or a tag (case-insensitive); ties in any order fall back to the name.
 */
export function filterMonitors(views: readonly MonitorView[], filter: MonitorFilter): MonitorView[] {
  const words = filter.query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  const shown = views.filter((view) => {
    const m = view.monitor;
    if (filter.state !== null && stateBucket(view.status) !== filter.state) return false;
    if (filter.type !== null && m.type !== filter.type) return false;
    if (filter.group !== null && m.group !== filter.group) return false;
    if (filter.tag !== null && !m.tags.includes(filter.tag)) return false;
    if (words.length === 0) return true;
    const haystack = searchText(view);
    return words.every((word) => haystack.includes(word));
  });
  return shown.sort(comparator(filter.sort, nameRanks(views)));
}

/** The tags, groups and types present, for the filter menus, sorted. */
export function facetsOf(views: readonly MonitorView[]): {
  tags: string[];
  groups: string[];
  types: MonitorType[];
} {
  const tags = new Set<string>();
  const groups = new Set<string>();
  const types = new Set<MonitorType>();
  for (const { monitor } of views) {
    for (const tag of monitor.tags) tags.add(tag);
    if (monitor.group !== undefined) groups.add(monitor.group);
    types.add(monitor.type);
  }
  return {
    tags: [...tags].sort(collator.compare),
    groups: [...groups].sort(collator.compare),
    types: [...types].sort(),
  };
}

/** How many monitors are in each state group. */
export function countByState(views: readonly MonitorView[]): Record<StateBucket, number> {
  const counts: Record<StateBucket, number> = { down: 0, degraded: 0, up: 0, paused: 0, pending: 0 };
  for (const view of views) counts[stateBucket(view.status)] += 1;
  return counts;
}

// Searching 10,000 monitors on every keystroke: the text is built once per view object.
const searchCache = new WeakMap<MonitorView, string>();

function searchText(view: MonitorView): string {
  let text = searchCache.get(view);
  if (text === undefined) {
    const m = view.monitor;
    text = [m.name, m.id, monitorTarget(m), m.group ?? '', ...m.tags, m.type].join('\n').toLowerCase();
    searchCache.set(view, text);
  }
  return text;
}

// Comparing names with a locale collator is the slow part of sorting 10,000 monitors, and names
// rarely change while states change every second: the name order is kept until a name changes.
let nameOrder: { fingerprint: string; rank: Map<string, number> } | null = null;

function nameRanks(views: readonly MonitorView[]): Map<string, number> {
  const fingerprint = views.map((view) => `${view.monitor.id}\u0000${view.monitor.name}`).join('\u0001');
  if (nameOrder?.fingerprint !== fingerprint) {
    const sorted = [...views].sort(
      (a, b) => collator.compare(a.monitor.name, b.monitor.name) || (a.monitor.id < b.monitor.id ? -1 : 1),
    );
    nameOrder = { fingerprint, rank: new Map(sorted.map((view, i) => [view.monitor.id, i])) };
  }
  return nameOrder.rank;
}

function comparator(sort: SortKey, rank: Map<string, number>): (a: MonitorView, b: MonitorView) => number {
  const byName = (a: MonitorView, b: MonitorView) => rank.get(a.monitor.id)! - rank.get(b.monitor.id)!;
  switch (sort) {
    case 'name':
      return byName;
    case 'status':
      return (a, b) => SEVERITY[a.status] - SEVERITY[b.status] || byName(a, b);
    case 'latency':
      // Slowest first; monitors without a check go last.
      return (a, b) => (b.last?.latencyMs ?? -1) - (a.last?.latencyMs ?? -1) || byName(a, b);
    case 'uptime':
      // Least available first; monitors without checks go last.
      return (a, b) => (a.uptime24h ?? 2) - (b.uptime24h ?? 2) || byName(a, b);
    case 'changed':
      return (a, b) => (b.statusSince ?? 0) - (a.statusSince ?? 0) || byName(a, b);
  }
}
