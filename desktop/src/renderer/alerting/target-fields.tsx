import { FormRow, ChipPicker } from './alerting-controls.js';
import type { FieldMessages } from './field-messages.js';
import { useAlertingOptions } from './use-alerting-options.js';

/** Which monitors a rule or maintenance window covers: picked monitors and typed tags. */
export function TargetFields({
  monitorIds,
  tags,
  onMonitors,
  onTags,
  errors,
  everyWhenEmpty,
}: {
  monitorIds: string[];
  tags: string;
  onMonitors: (ids: string[]) => void;
  onTags: (text: string) => void;
  errors: FieldMessages;
  /** Rules match every monitor when none is named; maintenance windows must name one. */
  everyWhenEmpty: boolean;
}) {
  const { monitorOptions, tags: knownTags } = useAlertingOptions();
  return (
    <>
      <FormRow
        id="monitorIds"
        label="Monitors"
        wide
        error={errors.monitorIds}
        hint={everyWhenEmpty ? 'None picked and no tags: every monitor' : 'Pick monitors, or name tags below'}
      >
        <ChipPicker
          label="Monitors"
          options={monitorOptions}
          selected={monitorIds}
          onChange={onMonitors}
          empty="No monitors yet; tags below match monitors added later."
        />
      </FormRow>
      <FormRow
        id="tags"
        label="Tags"
        wide
        error={errors.tags}
        hint={knownTags.length > 0 ? `In use: ${knownTags.slice(0, 12).join(', ')}` : 'Comma-separated'}
      >
        <input
          id="af-tags"
          className="input"
          value={tags}
          placeholder="production, db"
          aria-invalid={errors.tags !== undefined}
          onChange={(event) => onTags(event.target.value)}
        />
      </FormRow>
    </>
  );
}
