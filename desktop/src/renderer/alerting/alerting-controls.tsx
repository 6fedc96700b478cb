import type { LucideIcon } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import type { ApiResult } from '../../contract/index.js';
import { Dialog } from '../components/dialog.js';
import { type FormFieldProps, FormField as SharedFormField } from '../components/form-field.js';

/** A labelled field of an alerting form, its error in place of its hint. */
export function FormRow({ id, ...rest }: Omit<FormFieldProps, 'id' | 'idPrefix'> & { id: string }) {
  return <SharedFormField id={id} idPrefix="af" {...rest} />;
}

/** One choice of a {@link ChipPicker}. */
export interface ChipOption {
  value: string;
  label: string;
  icon?: LucideIcon;
}

/** Several choices as toggle chips (channels of a rule, days of a range). */
export function ChipPicker({
  options,
  selected,
  onChange,
  label,
  empty,
}: {
  options: readonly ChipOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  label: string;
  empty?: ReactNode;
}) {
  if (options.length === 0) return <div className="muted chip-empty">{empty}</div>;
  return (
    <div className="chip-picker" role="group" aria-label={label}>
      {options.map((option) => {
        const on = selected.includes(option.value);
        return (
          <button
            key={option.value}
            type="button"
            className={`chip chip-toggle${on ? ' active' : ''}`}
            aria-pressed={on}
            onClick={() =>
              onChange(on ? selected.filter((v) => v !== option.value) : [...selected, option.value])
            }
          >
            {option.icon !== undefined && <option.icon size={12} />}
            {option.label}
          </button>
        );
      })}
    </div>
  );
}

/** Asks before deleting; shows the error if the delete failed. */
export function ConfirmDelete({
  what,
  consequence,
  onDelete,
  onClose,
}: {
  what: string;
  consequence: string;
  onDelete: () => Promise<ApiResult<unknown>>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    const result = await onDelete();
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };
  return (
    <Dialog
      title={`Delete ${what}?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void run()}>
            Delete
          </button>
        </>
      }
    >
      <p>{consequence}</p>
      {error !== null && <div className="inline-alert inline-alert-down">{error}</div>}
    </Dialog>
  );
}

/** An editor of one alerting item in a dialog, with Cancel and a Save button that `busy` disables. */
export function EditorDialog({
  title,
  saveLabel,
  busy,
  onSave,
  onClose,
  width = 640,
  children,
}: {
  title: string;
  saveLabel: string;
  busy: boolean;
  onSave: () => void;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      width={width}
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={onSave}>
            {saveLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}

/** The small row of actions on an item of a list: edit and delete. */
export function ItemActions({
  name,
  onEdit,
  onDelete,
  children,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="alert-item-actions">
      {children}
      <button type="button" className="btn btn-sm" onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit
      </button>
      <button
        type="button"
        className="btn btn-sm btn-ghost btn-danger-text"
        onClick={onDelete}
        aria-label={`Delete ${name}`}
      >
        Delete
      </button>
    </div>
  );
}
