import { FormRow } from './alerting-controls.js';
import type { ChannelField } from './channel-form.js';

/** The input of one channel field, by how the field is edited (text, secret, switch, choice, list…). */
export function ChannelFieldInput({
  field,
  value,
  kept,
  error,
  onChange,
}: {
  field: ChannelField;
  value: string | boolean;
  kept: boolean;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const common = {
    id: `af-${field.key}`,
    'aria-invalid': error !== undefined,
    'aria-describedby': error !== undefined ? `af-${field.key}-error` : undefined,
  };
  const label = field.optional ? `${field.label} (optional)` : field.label;
  const wide = ['list', 'headers', 'pem'].includes(field.input) || field.key.toLowerCase().endsWith('url');
  const hint = kept ? 'Saved on the relay; leave empty to keep it' : field.hint;
  let control;
  switch (field.input) {
    case 'switch':
      control = (
        <label className="toggle-inline">
          <input
            {...common}
            type="checkbox"
            className="switch"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          {value === true ? 'On' : 'Off'}
        </label>
      );
      break;
    case 'choice':
      control = (
        <select
          {...common}
          className="select"
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
        >
          {field.optional && <option value="">—</option>}
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'list':
    case 'headers':
    case 'pem':
      control = (
        <textarea
          {...common}
          className="textarea mono"
          rows={field.input === 'pem' ? 5 : 3}
          value={String(value)}
          placeholder={kept ? '••••••••' : field.placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    default:
      control = (
        <input
          {...common}
          className={`input${field.input === 'secret' ? ' mono' : ''}`}
          type={field.input === 'secret' ? 'password' : 'text'}
          inputMode={field.input === 'number' ? 'numeric' : undefined}
          autoComplete="off"
          value={String(value)}
          placeholder={kept ? '•••••••• (saved)' : field.placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <FormRow id={field.key} label={label} hint={hint} error={error} wide={wide}>
      {control}
    </FormRow>
  );
}
