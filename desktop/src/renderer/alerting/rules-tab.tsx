import type { AlertRule } from '@vantage/shared';
import { ArrowRight, Plus, Workflow } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../components/empty-state.js';
import { useAppStore } from '../store/use-app-store.js';
import { ConfirmDelete, ItemActions } from './alerting-controls.js';
import { describeEvents, describeTargets } from './policy-text.js';
import { RuleEditor } from './rule-editor.js';
import { useAlertingOptions } from './use-alerting-options.js';

/** The rules: which monitors notify which channels, on which events. */
export function RulesTab() {
  const rules = useAppStore((s) => s.alerting.rules);
  const policies = useAppStore((s) => s.alerting.escalation);
  const deleteAlerting = useAppStore((s) => s.deleteAlerting);
  const { channelName, monitorName, channelOptions } = useAlertingOptions();
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);

  return (
    <>
      {rules.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={Workflow}
            title="No alert rules yet"
            action={
              <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
                <Plus size={14} /> Add a rule
              </button>
            }
          >
            A rule connects monitors to channels: “when anything tagged production goes down or its
            certificate is about to expire, tell #ops and PagerDuty”. Without a rule, incidents only show here
            in the app.
            {channelOptions.length === 0 && ' Start by adding a channel.'}
          </EmptyState>
        </div>
      ) : (
        <div className="card alert-list">
          <div className="card-header">
            <h2 className="section-title">Rules</h2>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing('new')}>
              <Plus size={14} /> Add rule
            </button>
          </div>
          {rules.map((rule) => (
            <div
              key={rule.id}
              className={`alert-item${rule.enabled ? '' : ' disabled'}`}
              data-rule-id={rule.id}
            >
              <div className="alert-item-row">
                <div className="alert-item-main">
                  <div className="alert-item-title">
                    {rule.name}
                    {!rule.enabled && <span className="badge badge-sm badge-paused">Disabled</span>}
                  </div>
                  <div className="rule-flow">
                    <span className="rule-targets">{describeTargets(rule, monitorName)}</span>
                    <ArrowRight size={13} className="muted" />
                    {rule.channels.length === 0 ? (
                      <span className="muted">no channel</span>
                    ) : (
                      rule.channels.map((id) => (
                        <span key={id} className="chip chip-xs">
                          {channelName(id)}
                        </span>
                      ))
                    )}
                  </div>
                  <div className="rule-events">
                    {describeEvents(rule).map((event) => (
                      <span key={event} className="chip chip-xs chip-event">
                        {event}
                      </span>
                    ))}
                    {rule.escalationPolicyId !== undefined && (
                      <span className="muted small">
                        escalates by “
                        {policies.find((p) => p.id === rule.escalationPolicyId)?.name ??
                          rule.escalationPolicyId}
                        ”
                      </span>
                    )}
                  </div>
                </div>
                <ItemActions
                  name={rule.name}
                  onEdit={() => setEditing(rule)}
                  onDelete={() => setDeleting(rule)}
                />
              </div>
            </div>
          ))}
        </div>
      )}
      {editing !== null && (
        <RuleEditor rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting !== null && (
        <ConfirmDelete
          what={`the rule “${deleting.name}”`}
          consequence="Its monitors stop notifying its channels; incidents already open keep what was sent."
          onDelete={() => deleteAlerting('rules', deleting.id)}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
