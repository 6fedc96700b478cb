import type { ChannelSchedule, Weekday } from '@vantage/shared';
import { Plus, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Segmented } from '../components/segmented.js';
import { useAppStore } from '../store/use-app-store.js';
import { ChipPicker, FormRow, EditorDialog } from './alerting-controls.js';
import { WEEKDAYS } from './policy-text.js';
import { timeZoneChoices } from './time-zones.js';
import { useSaveDocument } from './use-save-document.js';

interface RangeDraft {
  days: Weekday[];
  start: string;
  end: string;
}

const DAY_OPTIONS = WEEKDAYS.map((w) => ({ value: w.day, label: w.short }));
const OFFICE: RangeDraft = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' };

/** Adds or edits when one channel may be used: weekly ranges in a time zone, within or outside them. */
export function ScheduleEditor({
  schedule,
  onClose,
}: {
  schedule: ChannelSchedule | null;
  onClose: () => void;
}) {
  const channels = useAppStore((s) => s.alerting.channels);
  const schedules = useAppStore((s) => s.alerting.schedules);
  const { errors, busy, save, clear } = useSaveDocument('schedules', onClose);
  const zones = useMemo(timeZoneChoices, []);
  const free = channels.filter((c) => !schedules.some((s) => s.channelId === c.channel.id));
  const [channelId, setChannelId] = useState(schedule?.channelId ?? free[0]?.channel.id ?? '');
  const [timeZone, setTimeZone] = useState(schedule?.timeZone ?? zones.local);
  const [send, setSend] = useState<ChannelSchedule['send']>(schedule?.send ?? 'within');
  const [ranges, setRanges] = useState<RangeDraft[]>(schedule?.ranges ?? [OFFICE]);
  const setRange = (index: number, patch: Partial<RangeDraft>) => {
    clear();
    setRanges(ranges.map((range, i) => (i === index ? { ...range, ...patch } : range)));
  };
  const name = channels.find((c) => c.channel.id === channelId)?.channel.name ?? channelId;

  return (
    <EditorDialog
      title={schedule === null ? 'New channel schedule' : `Schedule of ${name}`}
      saveLabel="Save schedule"
      busy={busy || channelId === ''}
      onSave={() => void save({ channelId, timeZone, send, ranges }, `Schedule of “${name}” saved`)}
      onClose={onClose}
    >
      <div className="form-grid">
        <FormRow id="channelId" label="Channel" error={errors.channelId}>
          <select
            id="af-channelId"
            className="select select-full"
            value={channelId}
            disabled={schedule !== null}
            onChange={(e) => setChannelId(e.target.value)}
          >
            {(schedule === null ? free : channels).map((c) => (
              <option key={c.channel.id} value={c.channel.id}>
                {c.channel.name}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow
          id="timeZone"
          label="Time zone"
          error={errors.timeZone}
          hint={`This computer: ${zones.local}`}
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
      </div>
      <FormRow id="send" label="Send to this channel" error={errors.send}>
        <Segmented
          label="When to send"
          value={send}
          onChange={setSend}
          options={[
            { value: 'within', label: 'Only within these hours' },
            { value: 'outside', label: 'Only outside these hours' },
          ]}
        />
      </FormRow>
      <ol className="step-list">
        {ranges.map((range, index) => (
          <li key={index} className="step-row range-row" data-range={index}>
            <ChipPicker
              label={`Range ${index + 1} days`}
              options={DAY_OPTIONS}
              selected={range.days}
              onChange={(days) => setRange(index, { days: days as Weekday[] })}
            />
            <input
              className="input time-input mono"
              aria-label={`Range ${index + 1} from`}
              value={range.start}
              onChange={(e) => setRange(index, { start: e.target.value })}
              aria-invalid={errors[`ranges.${index}.start`] !== undefined}
            />
            <span className="muted">–</span>
            <input
              className="input time-input mono"
              aria-label={`Range ${index + 1} until`}
              value={range.end}
              onChange={(e) => setRange(index, { end: e.target.value })}
              aria-invalid={errors[`ranges.${index}.end`] !== undefined}
            />
            <button
              type="button"
              className="icon-btn icon-btn-danger"
              aria-label={`Remove range ${index + 1}`}
              onClick={() => setRanges(ranges.filter((_, i) => i !== index))}
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
          onClick={() => setRanges([...ranges, { days: ['sat', 'sun'], start: '10:00', end: '16:00' }])}
        >
          <Plus size={13} /> Add hours
        </button>
        {errors.ranges !== undefined && <span className="field-error">{errors.ranges}</span>}
      </div>
      {errors[''] !== undefined && <div className="inline-alert inline-alert-down">{errors['']}</div>}
    </EditorDialog>
  );
}
