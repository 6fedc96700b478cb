import { err, type FieldError, type Monitor, ok, type Result, validateMonitor } from '@vantage/shared';

/** How to read one monitor configuration a client sent. */
export interface MonitorInputRules {
  /** Creating: the id to give a monitor sent without one. */
  newId?(name: string): string;
  /** Updating: the id the monitor must keep (filled in when absent). */
  fixedId?: string;
  /** Creating: whether an id is already in use (a second monitor with it is refused). */
  idTaken?(id: string): boolean;
  /** Whether a monitor may name `id` as its parent. */
  parentExists(id: string): boolean;
}

/**
 * Validates a monitor configuration with shared's `validateMonitor`, plus what only the desktop
 * knows: ids made from names, an update keeping its id, ids unique, parents that exist. Returns
 * every bad field; the caller prefixes them (`monitor.`, `monitors.3.`).
 */
export function readMonitorInput(
  input: Record<string, unknown>,
  rules: MonitorInputRules,
): Result<Monitor, FieldError[]> {
  const given = input.id;
  const errors: FieldError[] = [];
  let candidate = input;
  if (rules.fixedId !== undefined) {
    if (given !== undefined && given !== rules.fixedId) {
      errors.push({ path: 'id', message: `must stay "${rules.fixedId}" (ids cannot be changed)` });
    }
    candidate = { ...input, id: rules.fixedId };
  } else if (given === undefined && rules.newId !== undefined) {
    candidate = { ...input, id: rules.newId(typeof input.name === 'string' ? input.name : 'monitor') };
  }
  const checked = validateMonitor(candidate);
  if (!checked.ok) return err([...errors, ...checked.error]);
  const monitor = checked.value;
  if (given !== undefined && rules.idTaken?.(monitor.id)) {
    errors.push({ path: 'id', message: `a monitor with id "${monitor.id}" already exists` });
  }
  if (monitor.parent !== undefined && !rules.parentExists(monitor.parent)) {
    errors.push({ path: 'parent', message: `there is no monitor "${monitor.parent}"` });
  }
  return errors.length > 0 ? err(errors) : ok(monitor);
}
