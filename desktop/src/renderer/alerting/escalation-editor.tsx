import type { EscalationPolicy } from '@vantage/shared';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useAppStore } from '../store/use-app-store.js';
import { ChipPicker, FormRow, EditorDialog } from './alerting-controls.js';
import { channelIdFor } from './channel-form.js';
import { useAlertingOptions } from './use-alerting-options.js';
import { useSaveDocument } from './use-save-document.js';

interface StepDraft {
  afterMinutes: string;
  channels: string[];
}

const number = (text: string): number | string => (/^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);

/** Adds or edits an escalation policy: ordered steps, repeat, reminders, resolve notice. */
export function EscalationEditor({
  policy,
  onClose,
}: {
  policy: EscalationPolicy | null;
  onClose: () => void;
}) {
  const policies = useAppStore((s) => s.alerting.escalation);
  const { channelOptions } = useAlertingOptions();
  const { errors, busy, save, clear } = useSaveDocument('escalation', onClose);
  const [name, setName] = useState(policy?.name ?? '');
  const [steps, setSteps] = useState<StepDraft[]>(
    policy?.steps.map((s) => ({ afterMinutes: String(s.afterMinutes), channels: s.channels })) ?? [
      { afterMinutes: '0', channels: [] },
    ],
  );
  const [repeat, setRepeat] = useState(policy?.repeat ?? false);
  const [reminder, setReminder] = useState(policy?.reminderEveryMinutes?.toString() ?? '');
  const [notifyResolve, setNotifyResolve] = useState(policy?.notifyResolve ?? true);

  const setStep = (index: number, patch: Partial<StepDraft>) => {
    clear();
    setSteps(steps.map((step, i) => (i === index ? { ...step, ...patch } : step)));
  };
  const submit = () =>
    void save(
      {
        id:
          policy?.id ??
          channelIdFor(
            name,
            policies.map((p) => p.id),
          ),
        name,
        steps: steps.map((s) => ({ afterMinutes: number(s.afterMinutes), channels: s.channels })),
        repeat,
        ...(reminder.trim() === '' ? {} : { reminderEveryMinutes: number(reminder) }),
        notifyResolve,
      },
      `Escalation “${name.trim()}” saved`,
    );

  return (
    <EditorDialog
      title={policy === null ? 'New escalation policy' : `Edit ${policy.name}`}
      saveLabel="Save policy"
      busy={busy}
      onSave={submit}
      onClose={onClose}
      width={680}
    >
      <FormRow id="name" label="Name" error={errors.name}>
        <input
          id="af-name"
          className="input"
          value={name}
          placeholder="Wake someone up"
          onChange={(e) => setName(e.target.value)}
          data-autofocus
        />
      </FormRow>
      <div className="field-label">Steps, while the incident stays unacknowledged</div>
      <ol className="step-list">
        {steps.map((step, index) => (
          <li key={index} className="step-row" data-step={index}>
            <span className="step-number">{index + 1}</span>
            <div className="step-delay">
              <span className="muted small">after</span>
              <input
                className="input input-narrow"
                inputMode="decimal"
                aria-label={`Step ${index + 1}: minutes after the incident opened`}
                aria-invalid={errors[`steps.${index}.afterMinutes`] !== undefined}
                value={step.afterMinutes}
                onChange={(e) => setStep(index, { afterMinutes: e.target.value })}
              />
              <span className="muted small">min, notify</span>
            </div>
            <div className="step-channels">
              <ChipPicker
                label={`Step ${index + 1} channels`}
                options={channelOptions}
                selected={step.channels}
                onChange={(channels) => setStep(index, { channels })}
                empty="Add a channel first."
              />
              {(errors[`steps.${index}.channels`] ?? errors[`steps.${index}.afterMinutes`]) !== undefined && (
                <div className="field-error">
                  {errors[`steps.${index}.channels`] ?? errors[`steps.${index}.afterMinutes`]}
                </div>
              )}
            </div>
            <button
              type="button"
              className="icon-btn icon-btn-danger"
              aria-label={`Remove step ${index + 1}`}
              onClick={() => setSteps(steps.filter((_, i) => i !== index))}
            >
              <Trash2 size={14} />
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button
          type="button"
          className="btn btn-sm"
          onClick={() =>
            setSteps([
              ...steps,
              { afterMinutes: String(Number(steps.at(-1)?.afterMinutes ?? 0) + 15 || 15), channels: [] },
            ])
          }
        >
          <Plus size={13} /> Add step
        </button>
        {errors.steps !== undefined && errors['steps.0.channels'] === undefined && (
          <span className="field-error">{errors.steps}</span>
        )}
      </div>
      <div className="form-grid escalation-after">
        <FormRow id="repeat" label="After the last step" error={errors.repeat}>
          <label className="toggle-inline">
            <input
              type="checkbox"
              className="switch"
              checked={repeat}
              onChange={(e) => setRepeat(e.target.checked)}
            />
            Start again from step 1
          </label>
        </FormRow>
        <FormRow
          id="reminderEveryMinutes"
          label="Remind every (minutes)"
          error={errors.reminderEveryMinutes}
          hint="Empty: no reminders"
        >
          <input
            id="af-reminderEveryMinutes"
            className="input"
            inputMode="decimal"
            value={reminder}
            placeholder="60"
            onChange={(e) => setReminder(e.target.value)}
          />
        </FormRow>
        <FormRow id="notifyResolve" label="On resolve" error={undefined}>
          <label className="toggle-inline">
            <input
              type="checkbox"
              className="switch"
              checked={notifyResolve}
              onChange={(e) => setNotifyResolve(e.target.checked)}
            />
            Tell every channel that was notified
          </label>
        </FormRow>
      </div>
      {errors[''] !== undefined && <div className="inline-alert inline-alert-down">{errors['']}</div>}
    </EditorDialog>
  );
}
