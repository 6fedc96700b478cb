import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from './testing/temp-store.js';

let clock = 1_000;
let temp: TempStore;
beforeEach(() => {
  clock = 1_000;
  temp = tempStore({ now: () => clock });
});
afterEach(() => temp.dispose());

describe('monitor repo', () => {
  it('stores a valid monitor with its defaults filled, and keeps it across a restart', () => {
    const saved = temp.store.monitors.save({
      id: 'api',
      name: 'API',
      type: 'http',
      url: 'https://api.example.com/',
    });
    expect(saved.ok).toBe(true);
    clock = 5_000;
    const monitors = temp.reopen().monitors;
    const record = monitors.get('api')!;
    expect(record).toMatchObject({ revision: 0, createdAt: 1_000, updatedAt: 1_000 });
    expect(record.monitor).toMatchObject({ id: 'api', interval: 60, regions: 'all', paused: false });
    expect(monitors.list().map((r) => r.monitor.id)).toEqual(['api']);
  });

  it('refuses an invalid monitor, naming every bad field, and changes nothing', () => {
    temp.store.monitors.save({ id: 'api', name: 'API', type: 'http', url: 'https://api.example.com/' });
    const result = temp.store.monitors.save({
      id: 'api',
      name: '',
      type: 'http',
      url: 'not a url',
      interval: 0,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => e.path).sort()).toEqual(['interval', 'name', 'url']);
    expect(temp.reopen().monitors.get('api')!.monitor.name).toBe('API');
  });

  it('updates in place with the relay revision, keeps the creation time, and deletes', () => {
    const { monitors } = temp.store;
    monitors.save({ id: 'db', name: 'DB', type: 'tcp', host: 'db.internal', port: 5432 });
    clock = 9_000;
    monitors.save(
      { id: 'db', name: 'Primary DB', type: 'tcp', host: 'db.internal', port: 5432 },
      { revision: 12 },
    );
    expect(monitors.get('db')).toMatchObject({
      revision: 12,
      createdAt: 1_000,
      updatedAt: 9_000,
      monitor: { name: 'Primary DB' },
    });
    expect(monitors.remove('db')).toBe(true);
    expect(monitors.remove('db')).toBe(false);
    expect(temp.reopen().monitors.count()).toBe(0);
  });

  it('reports a stored configuration that no longer validates instead of dropping it', () => {
    temp.store.monitors.save({ id: 'web', name: 'Web', type: 'http', url: 'https://example.com/' });
    temp.store.close();
    const raw = new Database(temp.path);
    raw
      .prepare('INSERT INTO monitors VALUES (?, ?, 1, 1, 1)')
      .run('future', '{"id":"future","type":"quantum"}');
    raw.close();
    temp.reopen();
    expect(temp.store.monitors.list().map((r) => r.monitor.id)).toEqual(['web']);
    expect(temp.store.monitors.unreadable()).toEqual([
      { id: 'future', errors: [expect.objectContaining({ path: 'type' })] },
    ]);
  });
});
