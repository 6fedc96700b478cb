import type { FormErrors, FormField, MonitorForm } from './monitor-form.js';
import { type FormFieldProps, FormField as SharedFormField } from '../components/form-field.js';

/** What a section of the editor needs: the form, a way to change and touch fields, and their errors. */
export interface EditorBinding {
  form: MonitorForm;
  update<K extends FormField>(field: K, value: MonitorForm[K]): void;
  touch(field: FormField): void;
  /** The message to show next to a field now (only after it was touched or a save was tried). */
  error(field: FormField): string | undefined;
  errors: FormErrors;
}

/** A field of the form that holds text. */
export type TextField = { [K in FormField]: MonitorForm[K] extends string ? K : never }[FormField];

/** The props that wire a text input (or select, or text area) to a text field of the form. */
export function bindText(editor: EditorBinding, field: TextField) {
  const message = editor.error(field);
  return {
    id: `field-${field}`,
    name: field,
    value: editor.form[field],
    onChange: (event: { target: { value: string } }) => editor.update(field, event.target.value as never),
    onBlur: () => editor.touch(field),
    'aria-invalid': message !== undefined,
    'aria-describedby': message !== undefined ? `field-${field}-error` : undefined,
  };
}

/** A labelled field with its hint, and its error in place of the hint (fixed height: no jumps). */
export function Field({ field, ...rest }: Omit<FormFieldProps, 'id' | 'idPrefix'> & { field: FormField }) {
  return <SharedFormField id={field} idPrefix="field" {...rest} />;
}

/** A labelled on/off switch bound to a boolean field. */
export function Toggle({
  editor,
  field,
  label,
  hint,
}: {
  editor: EditorBinding;
  field: 'verifyTls' | 'tls' | 'paused' | 'failureWindow' | 'viewport' | 'screenshotOnFailure';
  label: string;
  hint?: string;
}) {
  return (
    <label className="toggle-row" data-field={field}>
      <input
        type="checkbox"
        className="switch"
        id={`field-${field}`}
        checked={editor.form[field]}
        onChange={(event) => editor.update(field, event.target.checked)}
      />
      <span>
        <span className="toggle-label">{label}</span>
        {hint !== undefined && <span className="field-hint">{hint}</span>}
      </span>
    </label>
  );
}
