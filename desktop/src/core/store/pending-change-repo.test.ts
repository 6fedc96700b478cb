import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateMonitor } from '@vantage/shared';
import { type TempStore, tempStore } from './testing/temp-store.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.dispose());

function monitor(id: string) {
  const checked = validateMonitor({ id, name: id, type: 'tcp', host: '127.0.0.1', port: 9 });
  if (!checked.ok) throw new Error('bad fixture');
  return checked.value;
}

describe('PendingChangeRepo', () => {
  it('keeps changes in order across a restart and never reuses a position', () => {
    const repo = temp.store.pendingChanges;
    const first = repo.add({ kind: 'upsert', monitor: monitor('a') }, 1);
    repo.add({ kind: 'pause', monitorId: 'a', paused: true }, 2);
    const last = repo.add({ kind: 'delete', monitorId: 'b' }, 3);
    repo.remove(last.id);
    expect(repo.monitorIds()).toEqual(new Set(['a']));

    const reopened = temp.reopen().pendingChanges;
    expect(reopened.list().map((e) => e.change.kind)).toEqual(['upsert', 'pause']);
    expect(reopened.list()[0]).toEqual(first);
    const next = reopened.add({ kind: 'delete', monitorId: 'c' }, 4);
    expect(next.id).toBeGreaterThan(last.id);
    expect(reopened.count()).toBe(3);
    expect(reopened.has('c')).toBe(true);
  });

  it('skips a stored change that no longer reads, leaving it on disk', () => {
    temp.store.pendingChanges.add({ kind: 'delete', monitorId: 'a' }, 1);
    temp.store.close();
    const db = new Database(temp.path);
    db.prepare(
      'INSERT INTO pending_changes (monitor_id, change, created_at) VALUES (\'b\', \'{"kind":"teleport"}\', 2)',
    ).run();
    db.close();
    const reopened = temp.reopen().pendingChanges;
    expect(reopened.list().map((e) => e.monitorId)).toEqual(['a']);
    temp.store.close();
    const check = new Database(temp.path, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM pending_changes').get()).toEqual({ n: 2 });
    check.close();
    temp.reopen();
  });
});
