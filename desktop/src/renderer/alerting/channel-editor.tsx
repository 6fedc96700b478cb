import { CHANNEL_KINDS } from '@vantage/shared';
import { Send } from 'lucide-react';
import { useState } from 'react';
import type { RedactedChannel, TestOutcomeView } from '../../contract/methods/alerting-methods.js';
import { Dialog } from '../components/dialog.js';
import { useAppStore } from '../store/use-app-store.js';
import { FormRow } from './alerting-controls.js';
import { ChannelFieldInput } from './channel-field-input.js';
import { CHANNEL_KIND_INFO } from './channel-kinds.js';
import {
  type ChannelDraft,
  channelFields,
  channelFromDraft,
  channelIdFor,
  checkChannelDraft,
  draftFromChannel,
  newChannelDraft,
} from './channel-form.js';
import { errorsByField, type FieldMessages } from './field-messages.js';
import { TestOutcome } from './test-outcome.js';

/** Adds a channel (kind first, then its form) or edits one; "Send test" tries the settings as typed. */
export function ChannelEditor({
  channel,
  onClose,
}: {
  channel: RedactedChannel | null;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<ChannelDraft | null>(
    channel === null ? null : draftFromChannel(channel),
  );
  if (draft === null)
    return (
      <Dialog title="Add a channel" onClose={onClose} width={640}>
        <p className="muted kind-intro">Where should Vantage send alerts?</p>
        <div className="kind-grid">
          {CHANNEL_KINDS.map((kind) => {
            const info = CHANNEL_KIND_INFO[kind];
            return (
              <button
                key={kind}
                type="button"
                className="kind-card"
                onClick={() => setDraft(newChannelDraft(kind))}
              >
                <span className="kind-icon">
                  <info.icon size={18} />
                </span>
                <span className="kind-text">
                  <span className="kind-label">{info.label}</span>
                  <span className="kind-blurb">{info.blurb}</span>
                </span>
              </button>
            );
          })}
        </div>
      </Dialog>
    );
  return <ChannelForm draft={draft} setDraft={setDraft} isNew={channel === null} onClose={onClose} />;
}

function ChannelForm({
  draft,
  setDraft,
  isNew,
  onClose,
}: {
  draft: ChannelDraft;
  setDraft: (draft: ChannelDraft) => void;
  isNew: boolean;
  onClose: () => void;
}) {
  const channels = useAppStore((s) => s.alerting.channels);
  const saveAlerting = useAppStore((s) => s.saveAlerting);
  const testChannel = useAppStore((s) => s.testChannel);
  const toast = useAppStore((s) => s.toast);
  const [tried, setTried] = useState(false);
  const [relayErrors, setRelayErrors] = useState<FieldMessages>({});
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [outcome, setOutcome] = useState<TestOutcomeView | null>(null);
  const [advanced, setAdvanced] = useState(false);
  const info = CHANNEL_KIND_INFO[draft.kind];
  const local = tried ? checkChannelDraft(draft) : {};
  const errors: FieldMessages = { ...relayErrors, ...local };
  const id = isNew
    ? channelIdFor(
        draft.name,
        channels.map((c) => c.channel.id),
      )
    : draft.id;
  const fields = channelFields(draft.kind);

  const change = (patch: Partial<ChannelDraft>) => {
    setRelayErrors({});
    setDraft({ ...draft, ...patch });
  };
  const setValue = (key: string, value: string | boolean) =>
    change({ values: { ...draft.values, [key]: value } });

  const run = async (what: 'save' | 'test') => {
    setTried(true);
    setOutcome(null);
    if (Object.keys(checkChannelDraft(draft)).length > 0) return;
    setBusy(what);
    const document = channelFromDraft(draft, id);
    if (what === 'test') {
      const result = await testChannel(id, document);
      setBusy(null);
      if (result.ok) setOutcome(result.value);
      else {
        setRelayErrors(errorsByField(result.error.fields ?? []));
        setOutcome({ ok: false, error: result.error.message });
      }
      return;
    }
    const result = await saveAlerting('channels', document);
    setBusy(null);
    if (!result.ok) {
      setRelayErrors({ ...errorsByField(result.error.fields ?? []), '': result.error.message });
      return;
    }
    toast('success', isNew ? `Channel “${draft.name.trim()}” added` : `Channel “${draft.name.trim()}” saved`);
    onClose();
  };

  const shown = fields.filter((f) => !f.advanced || advanced);
  const hidden = fields.filter((f) => f.advanced).length;
  return (
    <Dialog
      title={isNew ? `New ${info.label} channel` : `Edit ${draft.name}`}
      onClose={onClose}
      width={640}
      footer={
        <>
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void run('test')}>
            <Send size={14} /> {busy === 'test' ? 'Sending…' : 'Send test'}
          </button>
          <span className="spacer" />
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy !== null}
            onClick={() => void run('save')}
          >
            {isNew ? 'Add channel' : 'Save'}
          </button>
        </>
      }
    >
      <form
        className="channel-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run('save');
        }}
      >
        <div className="form-grid">
          <FormRow
            id="name"
            label="Name"
            error={errors.name}
            hint={isNew && draft.name !== '' ? `id: ${id}` : undefined}
          >
            <input
              id="af-name"
              className="input"
              value={draft.name}
              placeholder={`${info.label} — on-call`}
              aria-invalid={errors.name !== undefined}
              onChange={(event) => change({ name: event.target.value })}
              data-autofocus
            />
          </FormRow>
          <FormRow id="enabled" label="State" error={undefined} hint="A disabled channel receives nothing">
            <label className="toggle-inline">
              <input
                type="checkbox"
                className="switch"
                checked={draft.enabled}
                onChange={(event) => change({ enabled: event.target.checked })}
              />
              {draft.enabled ? 'Enabled' : 'Disabled'}
            </label>
          </FormRow>
          {shown.map((field) => (
            <ChannelFieldInput
              key={field.key}
              field={field}
              value={draft.values[field.key] ?? ''}
              kept={draft.keptSecrets.includes(field.key)}
              error={errors[field.key]}
              onChange={(value) => setValue(field.key, value)}
            />
          ))}
        </div>
        {hidden > 0 && (
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setAdvanced(!advanced)}>
            {advanced ? 'Fewer settings' : `More settings (${hidden})`}
          </button>
        )}
        <button type="submit" hidden />
      </form>
      {errors[''] !== undefined && <div className="inline-alert inline-alert-down">{errors['']}</div>}
      {outcome !== null && <TestOutcome outcome={outcome} />}
    </Dialog>
  );
}
