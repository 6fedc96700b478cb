import { MONITOR_TYPES } from '@vantage/shared';
import { Search, X } from 'lucide-react';
import { SEARCH_INPUT_ID } from '../app/use-global-shortcuts.js';
import { typeLabel } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import {
  isFiltering,
  type MonitorFilter,
  SORT_KEYS,
  type SortKey,
  STATE_BUCKETS,
  type StateBucket,
} from './monitor-filter.js';

const STATE_LABELS: Record<StateBucket, string> = {
  down: 'Down',
  degraded: 'Degraded',
  up: 'Up',
  paused: 'Paused',
  pending: 'Pending',
};

const SORT_LABELS: Record<SortKey, string> = {
  status: 'Status (worst first)',
  name: 'Name',
  latency: 'Latency (slowest first)',
  uptime: 'Uptime (lowest first)',
  changed: 'Last change',
};

/** The state chips with their counts: a click filters to that state, another click clears it. */
export function StateChips({ counts, total }: { counts: Record<StateBucket, number>; total: number }) {
  const state = useAppStore((s) => s.filter.state);
  const setFilter = useAppStore((s) => s.setFilter);
  return (
    <div className="state-chips" role="group" aria-label="Filter by state">
      <button
        type="button"
        className={`state-chip${state === null ? ' active' : ''}`}
        onClick={() => setFilter({ state: null })}
      >
        <span>All</span>
        <strong>{total.toLocaleString()}</strong>
      </button>
      {STATE_BUCKETS.map((bucket) => (
        <button
          key={bucket}
          type="button"
          className={`state-chip state-chip-${bucket}${state === bucket ? ' active' : ''}`}
          aria-pressed={state === bucket}
          onClick={() => setFilter({ state: state === bucket ? null : bucket })}
        >
          <span className={`dot dot-${bucket}`} />
          <span>{STATE_LABELS[bucket]}</span>
          <strong>{counts[bucket].toLocaleString()}</strong>
        </button>
      ))}
    </div>
  );
}

/** Search, type/group/tag menus and the order of the dashboard. */
export function DashboardToolbar({
  facets,
}: {
  facets: { tags: string[]; groups: string[]; types: string[] };
}) {
  const filter = useAppStore((s) => s.filter);
  const setFilter = useAppStore((s) => s.setFilter);
  const pick = (key: keyof MonitorFilter) => (event: { target: { value: string } }) =>
    setFilter({ [key]: event.target.value === '' ? null : event.target.value });
  return (
    <div className="toolbar">
      <label className="search">
        <Search size={15} className="search-icon" />
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          placeholder="Search name, URL, tag…"
          value={filter.query}
          onChange={(event) => setFilter({ query: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setFilter({ query: '' });
              event.currentTarget.blur();
            }
          }}
          aria-label="Search monitors"
        />
        <kbd className="search-kbd">/</kbd>
      </label>
      <select className="select" value={filter.type ?? ''} onChange={pick('type')} aria-label="Type">
        <option value="">All types</option>
        {MONITOR_TYPES.filter((type) => facets.types.includes(type)).map((type) => (
          <option key={type} value={type}>
            {typeLabel(type)}
          </option>
        ))}
      </select>
      {facets.groups.length > 0 && (
        <select className="select" value={filter.group ?? ''} onChange={pick('group')} aria-label="Group">
          <option value="">All groups</option>
          {facets.groups.map((group) => (
            <option key={group} value={group}>
              {group}
            </option>
          ))}
        </select>
      )}
      {facets.tags.length > 0 && (
        <select className="select" value={filter.tag ?? ''} onChange={pick('tag')} aria-label="Tag">
          <option value="">All tags</option>
          {facets.tags.map((tag) => (
            <option key={tag} value={tag}>
              #{tag}
            </option>
          ))}
        </select>
      )}
      <div className="toolbar-spacer" />
      {isFiltering(filter) && (
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() => setFilter({ query: '', state: null, tag: null, group: null, type: null })}
        >
          <X size={13} /> Clear filters
        </button>
      )}
      <label className="sort">
        <span className="muted small">Sort</span>
        <select
          className="select"
          value={filter.sort}
          onChange={(event) => setFilter({ sort: event.target.value as SortKey })}
          aria-label="Sort by"
        >
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
