import type { MaintenanceWindow } from '@vantage/shared';
import { useMemo, useState } from 'react';
import { Segmented } from '../components/segmented.js';
import { useAppStore } from '../store/use-app-store.js';
import { FormRow, EditorDialog } from './alerting-controls.js';
import { channelIdFor } from './channel-form.js';
import { fromLocalInput, splitItems, toLocalInput } from './policy-text.js';
import { TargetFields } from './target-fields.js';
import { timeZoneChoices } from './time-zones.js';
import { useSaveDocument } from './use-save-document.js';

const HOUR = 3_600_000;
const CRON_EXAMPLES = [
  { cron: '0 3 * * 0', what: 'Sundays at 03:00' },
  { cron: '0 2 * * 1-5', what: 'Weekdays at 02:00' },
  { cron: '30 1 1 * *', what: 'The 1st of each month at 01:30' },
];

/** Adds or edits a maintenance window: one-off, or recurring by cron in a time zone, over monitors or tags. */
export function MaintenanceEditor({
  window,
  onClose,
}: {
  window: MaintenanceWindow | null;
  onClose: () => void;
}) {
  const windows = useAppStore((s) => s.alerting.maintenance);
  const { errors, busy, save, clear } = useSaveDocument('maintenance', onClose);
  const zones = useMemo(timeZoneChoices, []);
  const [name, setName] = useState(window?.name ?? '');
  const [kind, setKind] = useState<MaintenanceWindow['kind']>(window?.kind ?? 'once');
  const [monitorIds, setMonitorIds] = useState<string[]>(window?.monitorIds ?? []);
  const [tags, setTags] = useState((window?.tags ?? []).join(', '));
  const soon = Math.ceil(Date.now() / HOUR) * HOUR;
  const [startsAt, setStartsAt] = useState(toLocalInput(window?.kind === 'once' ? window.startsAt : soon));
  const [endsAt, setEndsAt] = useState(toLocalInput(window?.kind === 'once' ? window.endsAt : soon + HOUR));
  const [cron, setCron] = useState(window?.kind === 'recurring' ? window.cron : '0 3 * * 0');
  const [timeZone, setTimeZone] = useState(window?.kind === 'recurring' ? window.timeZone : zones.local);
  const [duration, setDuration] = useState(
    window?.kind === 'recurring' ? String(window.durationMinutes) : '60',
  );

  const submit = () => {
    const common = {
      id:
        window?.id ??
        channelIdFor(
          name,
          windows.map((w) => w.window.id),
        ),
      name,
      monitorIds,
      tags: splitItems(tags),
    };
    const timing =
      kind === 'once'
        ? { kind, startsAt: fromLocalInput(startsAt), endsAt: fromLocalInput(endsAt) }
        : {
            kind,
            cron: cron.trim(),
            timeZone,
            durationMinutes: /^\d+$/.test(duration.trim()) ? Number(duration) : duration,
          };
    void save({ ...common, ...timing }, `Maintenance “${name.trim()}” saved`);
  };

  return (
    <EditorDialog
      title={window === null ? 'New maintenance window' : `Edit ${window.name}`}
      saveLabel="Save window"
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
            placeholder="Database upgrade"
            onChange={(e) => setName(e.target.value)}
            data-autofocus
          />
        </FormRow>
        <FormRow id="kind" label="Happens" error={undefined}>
          <Segmented
            label="Happens"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'once', label: 'Once' },
              { value: 'recurring', label: 'Repeatedly' },
            ]}
          />
        </FormRow>
        {kind === 'once' ? (
          <>
            <FormRow id="startsAt" label="Starts" error={errors.startsAt} hint="Your local time">
              <input
                id="af-startsAt"
                type="datetime-local"
                className="input"
                value={startsAt}
                onChange={(e) => setStartsAt(e.target.value)}
              />
            </FormRow>
            <FormRow id="endsAt" label="Ends" error={errors.endsAt}>
              <input
                id="af-endsAt"
                type="datetime-local"
                className="input"
                value={endsAt}
                onChange={(e) => setEndsAt(e.target.value)}
              />
            </FormRow>
          </>
        ) : (
          <>
            <FormRow
              id="cron"
              label="Starts at (cron)"
              error={errors.cron}
              hint={
                CRON_EXAMPLES.find((c) => c.cron === cron.trim())?.what ?? 'minute hour day month weekday'
              }
            >
              <input
                id="af-cron"
                className="input mono"
                list="af-cron-examples"
                value={cron}
                onChange={(e) => setCron(e.target.value)}
              />
              <datalist id="af-cron-examples">
                {CRON_EXAMPLES.map((c) => (
                  <option key={c.cron} value={c.cron}>
                    {c.what}
                  </option>
                ))}
              </datalist>
            </FormRow>
            <FormRow id="durationMinutes" label="Lasts (minutes)" error={errors.durationMinutes}>
              <input
                id="af-durationMinutes"
                className="input"
                inputMode="numeric"
                value={duration}
                onChange={(e) => setDuration(e.target.value)}
              />
            </FormRow>
            <FormRow
              id="timeZone"
              label="Time zone"
              error={errors.timeZone}
              hint="Local times follow DST changes"
              wide
            >
              <input
                id="af-timeZone"
                className="input"
                list="af-zones"
                value={timeZone}
                onChange={(e) => setTimeZone(e.target.value)}
              />
              <datalist id="af-zones">
                {zones.all.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </FormRow>
          </>
        )}
        <TargetFields
          monitorIds={monitorIds}
          tags={tags}
          onMonitors={setMonitorIds}
          onTags={setTags}
          errors={errors}
          everyWhenEmpty={false}
        />
      </div>
      {errors[''] !== undefined && <div className="inline-alert inline-alert-down">{errors['']}</div>}
    </EditorDialog>
  );
}
