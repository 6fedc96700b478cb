import { ErrorCode } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopErrorCode, type MethodName } from '../../contract/index.js';
import { type CoreUnderTest, startCoreUnderTest } from './testing/core-harness.js';

let t: CoreUnderTest;
let existing: string;

const http = (extra: Record<string, unknown> = {}) => ({
  name: 'Example',
  type: 'http',
  url: 'http://127.0.0.1:9/',
  interval: 60,
  ...extra,
});

beforeAll(async () => {
  t = await startCoreUnderTest();
  existing = (await t.value('monitors.create', { monitor: http({ id: 'existing', paused: true }) })).monitor
    .id;
});
afterAll(() => t?.dispose());

/** Everything a user could see change: monitors, settings, incidents, notifications, the exported configuration. */
async function snapshot() {
  const exported = await t.value('config.export', { format: 'json' });
  return {
    monitors: (await t.value('monitors.list')).map((m) => m.monitor),
    settings: await t.value('settings.get'),
    incidents: await t.value('incidents.list'),
    notifications: await t.value('notifications.list'),
    config: exported.text.replace(/"exportedAt": "[^"]*"/, ''),
  };
}

interface Row {
  method: MethodName;
  input: () => Record<string, unknown>;
  code: string;
  /** The field the error must name. */
  field: string;
}

const invalidInput = DesktopErrorCode.invalidInput;
const invalidMonitor = ErrorCode.invalidMonitor;
const invalidImport = DesktopErrorCode.invalidImport;

const rows: Row[] = [
  {
    method: 'monitors.get',
    input: () => ({ monitorId: 'no spaces allowed' }),
    code: invalidInput,
    field: 'monitorId',
  },
  { method: 'monitors.create', input: () => ({}), code: invalidInput, field: 'monitor' },
  {
    method: 'monitors.create',
    input: () => ({ monitor: http({ url: 'ftp://x' }) }),
    code: invalidMonitor,
    field: 'monitor.url',
  },
  {
    method: 'monitors.create',
    input: () => ({ monitor: http({ name: '' }) }),
    code: invalidMonitor,
    field: 'monitor.name',
  },
  {
    method: 'monitors.create',
    input: () => ({ monitor: http({ type: 'smtp' }) }),
    code: invalidMonitor,
    field: 'monitor.type',
  },
  {
    method: 'monitors.create',
    input: () => ({ monitor: http({ id: existing }) }),
    code: invalidMonitor,
    field: 'monitor.id',
  },
  {
    method: 'monitors.create',
    input: () => ({ monitor: http({ parent: 'nobody' }) }),
    code: invalidMonitor,
    field: 'monitor.parent',
  },
  {
    method: 'monitors.create',
    input: () => ({ monitor: http({ interval: 30, timeout: 60 }) }),
    code: invalidMonitor,
    field: 'monitor.timeout',
  },
  {
    method: 'monitors.update',
    input: () => ({ monitorId: existing, monitor: http({ id: 'renamed' }) }),
    code: invalidMonitor,
    field: 'monitor.id',
  },
  {
    method: 'monitors.update',
    input: () => ({ monitorId: existing, monitor: http({ interval: 0 }) }),
    code: invalidMonitor,
    field: 'monitor.interval',
  },
  {
    method: 'monitors.update',
    input: () => ({ monitorId: existing, monitor: http({ conditions: ['status =='] }) }),
    code: invalidMonitor,
    field: 'monitor.conditions.0',
  },
  { method: 'monitors.delete', input: () => ({ monitorId: '' }), code: invalidInput, field: 'monitorId' },
  {
    method: 'monitors.pause',
    input: () => ({ monitorId: existing, paused: 'yes' }),
    code: invalidInput,
    field: 'paused',
  },
  {
    method: 'monitors.runNow',
    input: () => ({ monitorId: existing, region: 'Not A Region' }),
    code: invalidInput,
    field: 'region',
  },
  {
    method: 'monitors.test',
    input: () => ({ monitor: { type: 'tcp', name: 'db', host: 'db', port: 70000 } }),
    code: invalidMonitor,
    field: 'monitor.port',
  },
  {
    method: 'history.chart',
    input: () => ({ monitorId: existing, from: 10_000, to: 5_000 }),
    code: invalidInput,
    field: 'to',
  },
  {
    method: 'history.chart',
    input: () => ({ monitorId: existing, from: 0, to: Date.now() }),
    code: invalidInput,
    field: 'from',
  },
  {
    method: 'history.stats',
    input: () => ({ monitorId: existing, from: -1, to: 5_000 }),
    code: invalidInput,
    field: 'from',
  },
  {
    method: 'history.checks',
    input: () => ({ monitorId: existing, limit: 0 }),
    code: invalidInput,
    field: 'limit',
  },
  { method: 'incidents.list', input: () => ({ state: 'closed' }), code: invalidInput, field: 'state' },
  { method: 'incidents.get', input: () => ({ incidentId: '' }), code: invalidInput, field: 'incidentId' },
  {
    method: 'incidents.acknowledge',
    input: () => ({ incidentId: 'x:1', by: '   ' }),
    code: invalidInput,
    field: 'by',
  },
  { method: 'settings.update', input: () => ({ theme: 'pink' }), code: invalidInput, field: 'theme' },
  {
    method: 'settings.update',
    input: () => ({ rawRetentionDays: 0 }),
    code: invalidInput,
    field: 'rawRetentionDays',
  },
  {
    method: 'settings.update',
    input: () => ({ relayMode: 'remote' }),
    code: invalidInput,
    field: 'remoteUrl',
  },
  {
    method: 'settings.update',
    input: () => ({ remoteUrl: 'ftp://relay' }),
    code: invalidInput,
    field: 'remoteUrl',
  },
  { method: 'config.export', input: () => ({ format: 'xml' }), code: invalidInput, field: 'format' },
  { method: 'config.import', input: () => ({ text: '' }), code: invalidInput, field: 'text' },
  { method: 'config.import', input: () => ({ text: '{}', mode: 'both' }), code: invalidInput, field: 'mode' },
  {
    method: 'config.import',
    input: () => ({ text: 'monitors:\n  - name: x\n' }),
    code: invalidImport,
    field: 'monitors.0.type',
  },
  {
    method: 'config.import',
    input: () => ({ text: JSON.stringify({ settings: { theme: 'pink' } }) }),
    code: invalidImport,
    field: 'settings.theme',
  },
  { method: 'notifications.list', input: () => ({ limit: 5000 }), code: invalidInput, field: 'limit' },
  { method: 'notifications.mute', input: () => ({ minutes: -1 }), code: invalidInput, field: 'minutes' },
];

describe('bad input', () => {
  it.each(rows.map((row) => ({ ...row, name: `${row.method} → ${row.field}` })))(
    '$name is refused, naming the field, and changes nothing',
    async (row) => {
      const before = await snapshot();
      const result = await t.call(row.method, row.input() as never);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(row.code);
      expect(result.error.fields?.map((f) => f.path)).toContain(row.field);
      expect(result.error.message).toContain(row.field);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('an unknown settings key is refused by name', async () => {
    const result = await t.call('settings.update', { colour: 'red' } as never);
    expect(result).toMatchObject({ ok: false, error: { code: invalidInput } });
    expect(!result.ok && result.error.message).toContain('colour');
  });

  it('an unparseable configuration is refused with the parser’s reason', async () => {
    const before = await snapshot();
    const result = await t.call('config.import', { text: '{"monitors": [', format: 'json' });
    expect(result).toMatchObject({ ok: false, error: { code: invalidImport } });
    expect(!result.ok && result.error.message).toMatch(/not valid JSON/);
    expect(await snapshot()).toEqual(before);
  });

  it('methods on a missing monitor or incident answer notFound', async () => {
    for (const [method, input] of [
      ['monitors.get', { monitorId: 'missing' }],
      ['monitors.update', { monitorId: 'missing', monitor: http() }],
      ['monitors.delete', { monitorId: 'missing' }],
      ['monitors.pause', { monitorId: 'missing', paused: true }],
      ['monitors.runNow', { monitorId: 'missing' }],
      ['incidents.get', { incidentId: 'missing:1' }],
      ['incidents.acknowledge', { incidentId: 'missing:1' }],
    ] as const) {
      const result = await t.call(method, input as never);
      expect(result, method).toMatchObject({ ok: false, error: { code: ErrorCode.notFound } });
    }
  });

  it('an unknown method is refused', async () => {
    const { dispatchCall } = await import('../../contract/index.js');
    const result = await dispatchCall(t.core.api.handlers, 'monitors.explode', {});
    expect(result).toMatchObject({ ok: false, error: { code: DesktopErrorCode.unknownMethod } });
  });
});
