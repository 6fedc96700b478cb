import type { ReactNode } from 'react';

/** What a {@link FormField} shows; forms wrap it with their own id prefix. */
export interface FormFieldProps {
  id: string;
  idPrefix: string;
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  children: ReactNode;
  wide?: boolean;
}

/**
 * A labelled form field with its hint, and its error in place of the hint (fixed height: no
 * jumps). The control inside must have the id `<idPrefix>-<id>` so the label points at it, and
 * may name `<idPrefix>-<id>-error` in `aria-describedby`.
 */
export function FormField({ id, idPrefix, label, hint, error, children, wide = false }: FormFieldProps) {
  return (
    <div
      className={`field${wide ? ' field-wide' : ''}${error !== undefined ? ' field-invalid' : ''}`}
      data-field={id}
    >
      <label className="field-label" htmlFor={`${idPrefix}-${id}`}>
        {label}
      </label>
      {children}
      {error !== undefined ? (
        <div className="field-error" id={`${idPrefix}-${id}-error`} role="alert">
          {error}
        </div>
      ) : (
        <div className="field-hint">{hint ?? '\u00a0'}</div>
      )}
    </div>
  );
}
