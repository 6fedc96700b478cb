import { useState } from 'react';
import type { AlertingPart } from '../store/alerting-slice.js';
import { useAppStore } from '../store/use-app-store.js';
import { errorsByField, type FieldMessages } from './field-messages.js';

/**
 * Saving one alerting document from a dialog: the relay checks it, its field errors land beside
 * the fields (under `''` when no field is named), success toasts and closes.
 */
export function useSaveDocument(part: AlertingPart, onSaved: () => void) {
  const saveAlerting = useAppStore((s) => s.saveAlerting);
  const toast = useAppStore((s) => s.toast);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);
  const save = async (document: Record<string, unknown>, success: string) => {
    setBusy(true);
    const result = await saveAlerting(part, document);
    setBusy(false);
    if (!result.ok) {
      const fields = result.error.fields ?? [];
      setErrors({ ...errorsByField(fields), ...(fields.length === 0 ? { '': result.error.message } : {}) });
      return;
    }
    setErrors({});
    toast('success', success);
    onSaved();
  };
  return { errors, busy, save, clear: () => setErrors({}) };
}
