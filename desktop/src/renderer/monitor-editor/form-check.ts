import { type FieldError, type Monitor, validateMonitor } from '@vantage/shared';
import { monitorInputFromForm } from './form-input.js';
import { emptyForm, type FormErrors, type FormField, type MonitorForm } from './monitor-form.js';

/** The outcome of checking a form with shared's `validateMonitor`. */
export interface FormCheck {
  input: Record<string, unknown>;
  /** The monitor as it would be saved, or null while a field is wrong. */
  monitor: Monitor | null;
  errors: FormErrors;
  /** Errors that belong to no field of the form. */
  general: string[];
}

/**
 * Checks a form exactly as the core will (shared's `validateMonitor`). A new monitor may leave
 * its id blank (the core makes one from the name), so a stand-in id is checked in its place.
 */
export function checkForm(form: MonitorForm): FormCheck {
  const input = monitorInputFromForm(form);
  const checked = input.id === undefined ? { ...input, id: idFromName(form.name) } : input;
  const result = validateMonitor(checked);
  if (result.ok) return { input, monitor: result.value, errors: {}, general: [] };
  return { input, monitor: null, ...placeErrors(result.error) };
}

/**
 * Puts field errors (from shared's validation, or an API error's `fields` with their
 * `monitor.` prefix) next to the form fields they belong to; the first message per field wins.
 */
export function placeErrors(fields: readonly FieldError[]): { errors: FormErrors; general: string[] } {
  const errors: FormErrors = {};
  const general: string[] = [];
  for (const field of fields) {
    const path = field.path.replace(/^monitor(\.|$)/, '');
    const { message } = field;
    const placed = fieldOfPath(path);
    if (placed === null) general.push(path === '' ? message : `${path}: ${message}`);
    else errors[placed] ??= message;
  }
  return { errors, general };
}

const NESTED_FIELDS: Record<string, FormField> = {
  'auth.username': 'authUsername',
  'auth.password': 'authPassword',
  'auth.token': 'authToken',
  'failureWindow.failures': 'failureWindowFailures',
  'failureWindow.minutes': 'failureWindowMinutes',
  'viewport.width': 'viewportWidth',
  'viewport.height': 'viewportHeight',
};
const PARENT_FIELDS: Record<string, FormField> = {
  auth: 'authType',
  failureWindow: 'failureWindowFailures',
  viewport: 'viewportWidth',
};
const FORM_FIELDS = new Set<string>(Object.keys(emptyForm()));

/** The form field an error path (`headers.X-Id`, `auth.token`, `conditions.2`) belongs to. */
export function fieldOfPath(path: string): FormField | null {
  const [first = '', second] = path.split('.');
  const nested = second === undefined ? undefined : NESTED_FIELDS[`${first}.${second}`];
  if (nested !== undefined) return nested;
  if (PARENT_FIELDS[first] !== undefined) return PARENT_FIELDS[first];
  return FORM_FIELDS.has(first) ? (first as FormField) : null;
}

/** An id made from a name the way a person would (`Main website` → `main-website`). */
export function idFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? 'monitor' : slug;
}
