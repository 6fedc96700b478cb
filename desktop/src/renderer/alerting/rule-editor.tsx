import type { AlertRule } from '@vantage/shared';
import { useState } from 'react';
import { useAppStore } from '../store/use-app-store.js';
import { ChipPicker, FormRow, EditorDialog } from './alerting-controls.js';
import { channelIdFor } from './channel-form.js';
import { splitItems, splitNumbers } from './policy-text.js';
import { TargetFields } from './target-fields.js';
import { useAlertingOptions } from './use-alerting-options.js';
import { useSaveDocument } from './use-save-document.js';

type Events = AlertRule['on'];
const EVENTS: { key: keyof Events; label: string; hint: string }[] = [
  { key: 'down', label: 'Down', hint: 'An incident opens' },
  { key: 'degraded', label: 'Degraded', hint: 'Slow, or a soft condition failed' },
  { key: 'recovered', label: 'Recovered', hint: 'The incident resolves' },
  { key: 'certExpiry', label: 'Certificate expiry', hint: 'Days before, below' },
];

/** Adds or edits an alert rule: which monitors, which channels, on which events, escalation. */
export function RuleEditor({ rule, onClose }: { rule: AlertRule | null; onClose: () => void }) {
  const rules = useAppStore((s) => s.alerting.rules);
  const policies = useAppStore((s) => s.alerting.escalation);
  const { channelOptions } = useAlertingOptions();
  const { errors, busy, save, clear } = useSaveDocument('rules', onClose);
  const [name, setName] = useState(rule?.name ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [monitorIds, setMonitorIds] = useState<string[]>(rule?.monitorIds ?? []);
  const [tags, setTags] = useState((rule?.tags ?? []).join(', '));
  const [channels, setChannels] = useState<string[]>(rule?.channels ?? []);
  const [on, setOn] = useState<Events>(
    rule?.on ?? { down: true, degraded: false, recovered: true, certExpiry: true },
  );
  const [days, setDays] = useState((rule?.certExpiryDays ?? [14, 7, 3]).join(', '));
  const [policy, setPolicy] = useState(rule?.escalationPolicyId ?? '');

  const submit = () => {
    const id =
      rule?.id ??
      channelIdFor(
        name,
        rules.map((r) => r.id),
      );
    void save(
      {
        id,
        name,
        enabled,
        monitorIds,
        tags: splitItems(tags),
        channels,
        on,
        certExpiryDays: splitNumbers(days),
        ...(policy === '' ? {} : { escalationPolicyId: policy }),
      },
      `Rule “${name.trim()}” saved`,
    );
  };

  return (
    <EditorDialog
      title={rule === null ? 'New alert rule' : `Edit ${rule.name}`}
      saveLabel="Save rule"
      busy={busy}
      onSave={submit}
      onClose={onClose}
    >
      <div className="form-grid" onChange={clear}>
        <FormRow id="name" label="Name" error={errors.name}>
          <input
            id="af-name"
            className="input"
            value={name}
            placeholder="Production to on-call"
            onChange={(e) => setName(e.target.value)}
            data-autofocus
          />
        </FormRow>
        <FormRow id="enabled" label="State" error={undefined} hint="A disabled rule sends nothing">
          <label className="toggle-inline">
            <input
              type="checkbox"
              className="switch"
              checked={enabled}
              onChange={(e) => setEnabled(e.target.checked)}
            />
            {enabled ? 'Enabled' : 'Disabled'}
          </label>
        </FormRow>
        <TargetFields
          monitorIds={monitorIds}
          tags={tags}
          onMonitors={setMonitorIds}
          onTags={setTags}
          errors={errors}
          everyWhenEmpty
        />
        <FormRow
          id="channels"
          label="Notify"
          wide
          error={errors.channels}
          hint="The channels told at once; escalation can add more later"
        >
          <ChipPicker
            label="Channels"
            options={channelOptions}
            selected={channels}
            onChange={setChannels}
            empty="Add a channel first (Channels tab)."
          />
        </FormRow>
        <FormRow id="on" label="On" wide error={errors.on}>
          <div className="event-toggles">
            {EVENTS.map((event) => (
              <label key={event.key} className="toggle-inline" title={event.hint}>
                <input
                  type="checkbox"
                  className="switch"
                  checked={on[event.key]}
                  onChange={(e) => setOn({ ...on, [event.key]: e.target.checked })}
                />
                {event.label}
              </label>
            ))}
          </div>
        </FormRow>
        <FormRow
          id="certExpiryDays"
          label="Certificate notices, days before expiry"
          error={errors.certExpiryDays}
          hint="Comma-separated, e.g. 14, 7, 3"
        >
          <input
            id="af-certExpiryDays"
            className="input"
            value={days}
            disabled={!on.certExpiry}
            onChange={(e) => setDays(e.target.value)}
          />
        </FormRow>
        <FormRow
          id="escalationPolicyId"
          label="Escalation"
          error={errors.escalationPolicyId}
          hint="While nobody acknowledges"
        >
          <select
            id="af-escalationPolicyId"
            className="select select-full"
            value={policy}
            onChange={(e) => setPolicy(e.target.value)}
          >
            <option value="">No escalation</option>
            {policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </FormRow>
      </div>
      <p className="muted small">
        “N failures within M minutes” belongs to each monitor (its editor, “When to alert”), since the
        evaluator applies it before an incident exists.
      </p>
      {errors[''] !== undefined && <div className="inline-alert inline-alert-down">{errors['']}</div>}
    </EditorDialog>
  );
}
