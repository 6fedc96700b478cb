import { RadioTower } from 'lucide-react';
import { useMemo } from 'react';
import type { ProbeView } from '../../contract/index.js';
import { EmptyState, ErrorState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { StatusDot } from '../components/status-badge.js';
import { useNow } from '../components/use-now.js';
import { formatAgo, formatDateTime, plural } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { AddProbeGuide } from './add-probe-guide.js';

/** Regions and their probes (health, last seen, version), and how to add one. */
export function ProbesScreen() {
  const probes = useAppStore((s) => s.probes);
  const regions = useAppStore((s) => s.regions);
  const load = useAppStore((s) => s.probesLoad);
  const loadProbes = useAppStore((s) => s.loadProbes);
  const now = useNow();
  const list = useMemo(
    () =>
      Object.values(probes).sort((a, b) => a.region.localeCompare(b.region) || a.name.localeCompare(b.name)),
    [probes],
  );

  return (
    <div className="page">
      <PageHeader
        title="Probes"
        subtitle={
          list.length === 0
            ? 'Where checks run from'
            : `${plural(list.length, 'probe')} in ${plural(regions.length, 'region')}`
        }
      />
      <div className="page-body">
        {load.status === 'error' && list.length === 0 ? (
          <ErrorState message={load.error ?? ''} onRetry={() => void loadProbes()} />
        ) : load.status !== 'ready' && list.length === 0 ? (
          <div className="card">
            <Skeleton lines={4} height={32} />
          </div>
        ) : list.length === 0 ? (
          <div className="card">
            <EmptyState icon={RadioTower} title="No probe has connected yet">
              Probes appear here as soon as they dial in to the relay. Follow the steps below to add one.
            </EmptyState>
          </div>
        ) : (
          <>
            <div className="region-grid">
              {regions.map((region) => {
                const tone =
                  region.healthyProbes > 0 ? 'up' : region.connectedProbes > 0 ? 'degraded' : 'down';
                return (
                  <div key={region.region} className="card region-card">
                    <div className="region-card-head">
                      <StatusDot tone={tone} />
                      <span className="strong">{region.region}</span>
                    </div>
                    <div className="region-card-figures">
                      <span>
                        <strong className="num">{region.healthyProbes}</strong>/{region.probes} healthy
                      </span>
                      <span>
                        <strong className="num">{region.monitors}</strong> monitors
                      </span>
                    </div>
                  </div>
                );
              })}
            </div>
            <section className="card">
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th>Probe</th>
                      <th>Region</th>
                      <th>State</th>
                      <th>Last seen</th>
                      <th>Version</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((probe) => (
                      <tr key={probe.probeId} data-probe-id={probe.probeId}>
                        <td>
                          <div className="strong">{probe.name}</div>
                          <div className="muted small mono">{probe.probeId}</div>
                        </td>
                        <td>{probe.region}</td>
                        <td>
                          <ProbeState probe={probe} />
                        </td>
                        <td title={formatDateTime(probe.lastSeenAt)}>
                          {probe.connected ? 'now' : formatAgo(probe.lastSeenAt, now)}
                        </td>
                        <td className="mono">{probe.version ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        )}
        <AddProbeGuide />
      </div>
    </div>
  );
}

function ProbeState({ probe }: { probe: ProbeView }) {
  if (!probe.connected)
    return (
      <span className="probe-state">
        <StatusDot tone="down" /> Disconnected
      </span>
    );
  if (!probe.healthy)
    return (
      <span className="probe-state" title={probe.reason}>
        <StatusDot tone="degraded" /> Unhealthy{probe.reason !== undefined ? `: ${probe.reason}` : ''}
      </span>
    );
  return (
    <span className="probe-state">
      <StatusDot tone="up" /> Healthy
    </span>
  );
}
