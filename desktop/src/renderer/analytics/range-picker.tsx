import { Segmented } from '../components/segmented.js';
import { RANGE_PRESETS, type RangeChoice, type RangePreset } from './report-range.js';

/** The report's range: the last 24 h, 7, 30 or 90 days, or two dates. */
export function RangePicker({
  value,
  onChange,
}: {
  value: RangeChoice;
  onChange: (choice: RangeChoice) => void;
}) {
  return (
    <div className="range-picker no-print">
      <Segmented<RangePreset>
        label="Range"
        size="sm"
        options={[
          ...RANGE_PRESETS.map((p) => ({ value: p.value, label: p.label })),
          { value: 'custom', label: 'Custom' },
        ]}
        value={value.preset}
        onChange={(preset) => onChange({ ...value, preset })}
      />
      {value.preset === 'custom' && (
        <span className="range-dates">
          <input
            type="date"
            className="input input-sm"
            aria-label="From (UTC)"
            value={value.fromDay}
            onChange={(e) => onChange({ ...value, fromDay: e.target.value })}
          />
          <span className="muted">to</span>
          <input
            type="date"
            className="input input-sm"
            aria-label="To (UTC, included)"
            value={value.toDay}
            onChange={(e) => onChange({ ...value, toDay: e.target.value })}
          />
        </span>
      )}
    </div>
  );
}
