import { err, type FieldError, type Monitor, ok, type Result } from '@vantage/shared';
import type { MonitorRecord } from '../store/index.js';
import type { ConfigDocument, ConfigPreferences } from './config-document.js';
import { readMonitorInput } from './monitor-input.js';

/** What an import will do, decided before anything is written. */
export interface ImportPlan {
  /** Monitors to create or change, parents before their children. */
  upserts: Monitor[];
  /** Monitors to delete (replace mode: those the file does not hold). */
  deletes: string[];
  created: number;
  updated: number;
  unchanged: number;
  settings?: ConfigPreferences;
}

/**
 * Plans an import, validating everything first so that a file with one bad monitor changes
 * nothing:
 * 1. each monitor through shared's `validateMonitor` (ids made from names when absent);
 * 2. ids unique within the file;
 * 3. parents exist in the resulting set (the file, plus the current monitors when merging) and
 *    form no cycle;
 * 4. each monitor is new, changed or unchanged against the current ones; replacing deletes the rest.
 */
export function planImport(
  doc: ConfigDocument,
  current: readonly MonitorRecord[],
  mode: 'merge' | 'replace',
  newId: (name: string, taken: (id: string) => boolean) => string,
): Result<ImportPlan, FieldError[]> {
  const currentById = new Map(current.map((r) => [r.monitor.id, r.monitor]));
  const given = new Set(doc.monitors.flatMap((m) => (typeof m.id === 'string' ? [m.id] : [])));
  const errors: FieldError[] = [];
  const monitors: Monitor[] = [];
  const indexOf = new Map<string, number>();
  doc.monitors.forEach((input, i) => {
    const read = readMonitorInput(input, {
      newId: (name) => newId(name, (id) => currentById.has(id) || given.has(id) || indexOf.has(id)),
      parentExists: () => true,
    });
    if (!read.ok) {
      errors.push(...read.error.map((e) => at(i, e)));
      return;
    }
    const first = indexOf.get(read.value.id);
    if (first !== undefined) {
      errors.push(at(i, { path: 'id', message: `"${read.value.id}" is also the id of monitors.${first}` }));
      return;
    }
    indexOf.set(read.value.id, i);
    monitors.push(read.value);
  });
  if (errors.length > 0) return err(errors);

  const result = new Map<string, Monitor>(mode === 'merge' ? currentById : []);
  for (const m of monitors) result.set(m.id, m);
  const depth = parentDepths(result);
  for (const m of monitors) {
    const i = indexOf.get(m.id)!;
    if (m.parent !== undefined && !result.has(m.parent))
      errors.push(at(i, { path: 'parent', message: `there is no monitor "${m.parent}"` }));
    else if (depth.get(m.id) === undefined)
      errors.push(at(i, { path: 'parent', message: 'parents form a cycle' }));
  }
  if (errors.length > 0) return err(errors);

  const upserts: Monitor[] = [];
  let created = 0;
  let updated = 0;
  for (const m of monitors) {
    const before = currentById.get(m.id);
    if (before === undefined) created++;
    else if (JSON.stringify(before) === JSON.stringify(m)) continue;
    else updated++;
    upserts.push(m);
  }
  upserts.sort((a, b) => depth.get(a.id)! - depth.get(b.id)!);
  const deletes = mode === 'replace' ? [...currentById.keys()].filter((id) => !result.has(id)) : [];
  return ok({
    upserts,
    deletes,
    created,
    updated,
    unchanged: monitors.length - created - updated,
    ...(doc.settings === undefined ? {} : { settings: doc.settings }),
  });
}

function at(index: number, error: FieldError): FieldError {
  return {
    path: error.path === '' ? `monitors.${index}` : `monitors.${index}.${error.path}`,
    message: error.message,
  };
}

/** How many ancestors each monitor has; monitors on a parent cycle get none. Missing parents count as roots. */
function parentDepths(monitors: ReadonlyMap<string, Monitor>): Map<string, number> {
  const depth = new Map<string, number>();
  for (const start of monitors.keys()) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let id: string | undefined = start;
    let base = 0;
    while (id !== undefined && !depth.has(id)) {
      if (onChain.has(id)) {
        base = Number.NaN;
        break;
      }
      chain.push(id);
      onChain.add(id);
      const parent: string | undefined = monitors.get(id)?.parent;
      id = parent !== undefined && monitors.has(parent) ? parent : undefined;
    }
    if (id !== undefined && depth.has(id)) base = depth.get(id)! + 1;
    if (Number.isNaN(base)) continue;
    for (let k = chain.length - 1, d = base; k >= 0; k--, d++) depth.set(chain[k]!, d);
  }
  return depth;
}
