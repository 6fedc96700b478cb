import { CircleCheck, History } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { EmptyState, ErrorState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { Segmented } from '../components/segmented.js';
import { useNow } from '../components/use-now.js';
import { plural } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { IncidentCard } from './incident-card.js';
import { incidentCounts, incidentsFor, type IncidentTab } from './incident-filter.js';

/** Open and resolved incidents with their timelines; `focusId` (a deep link) opens and shows one. */
export function IncidentsScreen({ focusId }: { focusId: string | null }) {
  const incidents = useAppStore((s) => s.incidents);
  const load = useAppStore((s) => s.incidentsLoad);
  const loadIncidents = useAppStore((s) => s.loadIncidents);
  const now = useNow();
  const all = useMemo(() => Object.values(incidents), [incidents]);
  const counts = useMemo(() => incidentCounts(all), [all]);
  const focused = focusId === null ? undefined : incidents[focusId];
  const [tab, setTab] = useState<IncidentTab>(focused?.resolvedAt !== undefined ? 'all' : 'open');
  const shown = useMemo(() => incidentsFor(all, tab), [all, tab]);

  useEffect(() => {
    if (focusId !== null) document.getElementById(`incident-${focusId}`)?.scrollIntoView({ block: 'center' });
  }, [focusId, shown]);

  return (
    <div className="page">
      <PageHeader
        title="Incidents"
        subtitle={
          counts.open === 0 ? 'Nothing is down right now.' : `${plural(counts.open, 'incident')} ongoing`
        }
        actions={
          <Segmented
            label="Show"
            options={[
              { value: 'open', label: `Ongoing · ${counts.open}` },
              { value: 'resolved', label: `Resolved · ${counts.resolved}` },
              { value: 'all', label: 'All' },
            ]}
            value={tab}
            onChange={setTab}
          />
        }
      />
      <div className="page-body">
        {load.status === 'error' && all.length === 0 ? (
          <ErrorState message={load.error ?? ''} onRetry={() => void loadIncidents()} />
        ) : load.status !== 'ready' && all.length === 0 ? (
          <div className="card">
            <Skeleton lines={5} height={36} />
          </div>
        ) : shown.length === 0 ? (
          <div className="card">
            {tab === 'open' ? (
              <EmptyState icon={CircleCheck} title="All clear">
                No incident is ongoing. When enough regions confirm that a monitor is down, it shows up here
                and you are notified once.
              </EmptyState>
            ) : (
              <EmptyState icon={History} title="No incidents yet">
                Resolved incidents stay here with their full timeline.
              </EmptyState>
            )}
          </div>
        ) : (
          <div className="incident-list">
            {shown.map((incident) => (
              <IncidentCard
                key={incident.id}
                incident={incident}
                now={now}
                initiallyOpen={incident.id === focusId}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
