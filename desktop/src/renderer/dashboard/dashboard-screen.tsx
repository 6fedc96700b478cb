import { Plus, SearchX } from 'lucide-react';
import { useDeferredValue } from 'react';
import { EmptyState, ErrorState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { plural } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { WelcomePanel } from '../welcome/welcome-panel.js';
import { DashboardToolbar, StateChips } from './dashboard-toolbar.js';
import { dashboardView } from './dashboard-view.js';
import { MonitorList } from './monitor-list.js';

/** Every monitor at a glance: counts per state, search and filters, and the live list. */
export function DashboardScreen() {
  const monitors = useAppStore((s) => s.monitors);
  const load = useAppStore((s) => s.monitorsLoad);
  const filter = useAppStore((s) => s.filter);
  const firstRun = useAppStore((s) => s.app?.firstRun ?? false);
  const loadMonitors = useAppStore((s) => s.loadMonitors);
  const navigate = useAppStore((s) => s.navigate);
  const setFilter = useAppStore((s) => s.setFilter);

  // Typing, scrolling and live updates stay responsive: the 10,000-row filter and sort run in a
  // deferred render that React may interrupt, a frame behind what arrived.
  const { all, shown, counts, facets } = dashboardView(useDeferredValue(monitors), useDeferredValue(filter));
  // What to show at all (loading, welcome, list) follows the store at once, never a frame behind.
  const count = monitors.size;

  const newMonitor = (
    <button
      type="button"
      className="btn btn-primary"
      onClick={() => navigate({ screen: 'editor', monitorId: null })}
    >
      <Plus size={15} /> New monitor
    </button>
  );

  if (load.status !== 'ready' && count === 0) {
    return (
      <div className="page">
        <PageHeader title="Monitors" subtitle="Loading…" actions={newMonitor} />
        <div className="page-body">
          {load.status === 'error' ? (
            <ErrorState message={load.error ?? ''} onRetry={() => void loadMonitors()} />
          ) : (
            <div className="card">
              <Skeleton lines={8} height={40} />
            </div>
          )}
        </div>
      </div>
    );
  }

  if (count === 0) return <WelcomePanel firstRun={firstRun} />;

  const problems = counts.down + counts.degraded;
  return (
    <div className="page page-fill">
      <PageHeader
        title="Monitors"
        subtitle={
          problems === 0
            ? `${plural(all.length, 'monitor')} · all systems operational`
            : `${plural(all.length, 'monitor')} · ${counts.down} down, ${counts.degraded} degraded`
        }
        actions={newMonitor}
      />
      <div className="page-body page-body-fill">
        <StateChips counts={counts} total={all.length} />
        <DashboardToolbar facets={facets} />
        {shown.length === 0 && all.length > 0 ? (
          <div className="card">
            <EmptyState
              icon={SearchX}
              title="No monitor matches"
              action={
                <button
                  type="button"
                  className="btn"
                  onClick={() => setFilter({ query: '', state: null, tag: null, group: null, type: null })}
                >
                  Clear filters
                </button>
              }
            >
              Nothing among {plural(all.length, 'monitor')} fits these filters.
            </EmptyState>
          </div>
        ) : (
          <MonitorList views={shown} />
        )}
      </div>
    </div>
  );
}
