import type { EscalationPolicy } from '@vantage/shared';
import { ListOrdered, Plus } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../components/empty-state.js';
import { useAppStore } from '../store/use-app-store.js';
import { ConfirmDelete, ItemActions } from './alerting-controls.js';
import { EscalationEditor } from './escalation-editor.js';
import { describeDelay, describeRepeat } from './policy-text.js';
import { useAlertingOptions } from './use-alerting-options.js';

/** Escalation policies: who is told next while nobody acknowledges. */
export function EscalationTab() {
  const policies = useAppStore((s) => s.alerting.escalation);
  const rules = useAppStore((s) => s.alerting.rules);
  const deleteAlerting = useAppStore((s) => s.deleteAlerting);
  const { channelName } = useAlertingOptions();
  const [editing, setEditing] = useState<EscalationPolicy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<EscalationPolicy | null>(null);

  return (
    <>
      {policies.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={ListOrdered}
            title="No escalation policies yet"
            action={
              <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
                <Plus size={14} /> Add a policy
              </button>
            }
          >
            An escalation policy says who is told next when nobody acknowledges an incident: Slack at once, an
            SMS after 10 minutes, a phone call after 30, repeated until someone takes it. A rule picks its
            policy.
          </EmptyState>
        </div>
      ) : (
        <div className="card alert-list">
          <div className="card-header">
            <h2 className="section-title">Escalation policies</h2>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing('new')}>
              <Plus size={14} /> Add policy
            </button>
          </div>
          {policies.map((policy) => {
            const usedBy = rules.filter((r) => r.escalationPolicyId === policy.id).length;
            return (
              <div key={policy.id} className="alert-item" data-policy-id={policy.id}>
                <div className="alert-item-row">
                  <div className="alert-item-main">
                    <div className="alert-item-title">
                      {policy.name}
                      <span className="muted small">
                        {usedBy === 0
                          ? 'no rule uses it'
                          : `used by ${usedBy} rule${usedBy === 1 ? '' : 's'}`}
                      </span>
                    </div>
                    <ol className="step-summary">
                      {policy.steps.map((step, i) => (
                        <li key={i}>
                          <span className="step-number">{i + 1}</span>
                          <span className="step-when">{describeDelay(step.afterMinutes)}</span>
                          {step.channels.map((id) => (
                            <span key={id} className="chip chip-xs">
                              {channelName(id)}
                            </span>
                          ))}
                        </li>
                      ))}
                    </ol>
                    <div className="muted small">{describeRepeat(policy)}</div>
                  </div>
                  <ItemActions
                    name={policy.name}
                    onEdit={() => setEditing(policy)}
                    onDelete={() => setDeleting(policy)}
                  />
                </div>
              </div>
            );
          })}
        </div>
      )}
      {editing !== null && (
        <EscalationEditor policy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting !== null && (
        <ConfirmDelete
          what={`the policy “${deleting.name}”`}
          consequence="Rules that use it only notify their own channels from now on."
          onDelete={() => deleteAlerting('escalation', deleting.id)}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
