import type { MaintenanceWindow } from '@vantage/shared';
import { Plus, Repeat, Wrench } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../components/empty-state.js';
import { formatDateTime } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { ConfirmDelete, ItemActions } from './alerting-controls.js';
import { MaintenanceEditor } from './maintenance-editor.js';
import { describeTargets, maintenanceState } from './policy-text.js';
import { useAlertingOptions } from './use-alerting-options.js';

const TONE = { active: 'badge-degraded', scheduled: 'badge-pending', over: 'badge-paused' } as const;

/** Maintenance windows: periods without alerts that do not count against uptime. */
export function MaintenanceTab() {
  const windows = useAppStore((s) => s.alerting.maintenance);
  const deleteAlerting = useAppStore((s) => s.deleteAlerting);
  const { monitorName } = useAlertingOptions();
  const [editing, setEditing] = useState<MaintenanceWindow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MaintenanceWindow | null>(null);

  return (
    <>
      {windows.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={Wrench}
            title="No maintenance planned"
            action={
              <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
                <Plus size={14} /> Plan maintenance
              </button>
            }
          >
            During a maintenance window the monitors it covers show “maintenance”, send no alerts and the time
            does not count against their uptime. Plan a one-off upgrade, or a recurring backup such as every
            Sunday at 03:00.
          </EmptyState>
        </div>
      ) : (
        <div className="card alert-list">
          <div className="card-header">
            <h2 className="section-title">Maintenance windows</h2>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing('new')}>
              <Plus size={14} /> Plan maintenance
            </button>
          </div>
          {windows.map((view) => {
            const { window } = view;
            const state = maintenanceState(view);
            return (
              <div
                key={window.id}
                className={`alert-item${state.tone === 'active' ? ' active' : ''}`}
                data-window-id={window.id}
              >
                <div className="alert-item-row">
                  <span className="kind-icon">
                    {window.kind === 'recurring' ? <Repeat size={16} /> : <Wrench size={16} />}
                  </span>
                  <div className="alert-item-main">
                    <div className="alert-item-title">{window.name}</div>
                    <div className="muted small">
                      {window.kind === 'once'
                        ? `${formatDateTime(window.startsAt)} – ${formatDateTime(window.endsAt)}`
                        : `${window.cron} · ${window.durationMinutes} min · ${window.timeZone}`}
                      {' · '}
                      {describeTargets(window, monitorName)}
                    </div>
                  </div>
                  <div className="alert-item-state">
                    <span className={`badge badge-sm ${TONE[state.tone]}`}>
                      {state.tone === 'active'
                        ? 'Active now'
                        : state.tone === 'scheduled'
                          ? 'Scheduled'
                          : 'Over'}
                    </span>
                    <span className="muted small">{state.tone === 'over' ? '' : state.text}</span>
                  </div>
                  <ItemActions
                    name={window.name}
                    onEdit={() => setEditing(window)}
                    onDelete={() => setDeleting(window)}
                  />
                </div>
              </div>
            );
          })}
        </div>
      )}
      {editing !== null && (
        <MaintenanceEditor window={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting !== null && (
        <ConfirmDelete
          what={`“${deleting.name}”`}
          consequence="Its monitors leave maintenance at once if it is in effect."
          onDelete={() => deleteAlerting('maintenance', deleting.id)}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
