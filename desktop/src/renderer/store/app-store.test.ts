import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChartView, CheckView, NotificationView } from '../../contract/index.js';
import { fakeTransport, type FakeHandlers, SETTINGS } from '../testing/fake-transport.js';
import { incidentView, monitorView } from '../testing/view-fixtures.js';
import { type AppStore, createAppStore } from './app-store.js';

const NOW = 1_700_000_000_000;

function setup(handlers: FakeHandlers = {}) {
  const transport = fakeTransport(handlers);
  const hashes: string[] = [];
  const outside: NotificationView[] = [];
  const store = createAppStore({
    transport,
    shell: 'web',
    now: () => NOW,
    setHash: (hash) => hashes.push(hash),
    notifyOutside: (notification, open) => {
      outside.push(notification);
      open();
    },
  });
  return { transport, store, hashes, outside };
}

async function settle(store: AppStore): Promise<void> {
  await store.getState().reloadAll();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the renderer store', () => {
  it('loads every monitor and follows live changes and removals', async () => {
    const { store, transport } = setup({
      'monitors.list': () => [monitorView({ id: 'a' }), monitorView({ id: 'b' })],
    });
    store.getState().start();
    await settle(store);
    expect([...store.getState().monitors.keys()].sort()).toEqual(['a', 'b']);
    transport.emit({ type: 'monitors.changed', monitors: [monitorView({ id: 'a' }, { status: 'down' })] });
    expect(store.getState().monitors.get('a')!.status).toBe('down');
    transport.emit({ type: 'monitors.removed', monitorIds: ['b'] });
    expect([...store.getState().monitors.keys()]).toEqual(['a']);
  });

  it('says why monitors could not be loaded', async () => {
    const { store } = setup({
      'monitors.list': () => ({ ok: false, error: { code: 'VANTAGE_ERR_STORAGE', message: 'disk full' } }),
    });
    await settle(store);
    expect(store.getState().monitorsLoad).toEqual({ status: 'error', error: 'disk full' });
  });

  it('shows a notification as a toast and outside the page, whose click opens the monitor', async () => {
    const { store, transport, outside, hashes } = setup();
    store.getState().start();
    await settle(store);
    const notification = {
      id: 1,
      ts: NOW,
      kind: 'incident.opened',
      title: 'API is down',
      body: 'status 503',
      monitorId: 'api',
    };
    transport.emit({ type: 'notification', notification });
    expect(store.getState().toasts).toMatchObject([{ tone: 'down', title: 'API is down', monitorId: 'api' }]);
    expect(outside).toEqual([notification]);
    expect(store.getState().route).toEqual({ screen: 'monitor', monitorId: 'api' });
    expect(hashes).toEqual(['#/monitors/api']);
  });

  it('keeps notifications inside the page while muted', async () => {
    const { store, transport, outside } = setup({
      'settings.get': () => ({ ...SETTINGS, notificationsMutedUntil: NOW + 60_000 }),
    });
    store.getState().start();
    await settle(store);
    transport.emit({
      type: 'notification',
      notification: { id: 2, ts: NOW, kind: 'incident.opened', title: 'Down', body: '' },
    });
    expect(store.getState().toasts).toHaveLength(1);
    expect(outside).toEqual([]);
  });

  it('records an acknowledgement the core confirms', async () => {
    const open = incidentView({ id: 'api:1', monitorId: 'api' });
    const { store } = setup({
      'incidents.list': () => [open],
      'incidents.acknowledge': ({ incidentId }) =>
        incidentView({ ...open, id: incidentId, acknowledgedAt: NOW, acknowledgedBy: 'desktop' }),
    });
    await settle(store);
    const result = await store.getState().acknowledge('api:1');
    expect(result.ok).toBe(true);
    expect(store.getState().incidents['api:1']!.acknowledgedAt).toBe(NOW);
  });

  it("goes where Electron's navigate message says", async () => {
    const { store, transport, hashes } = setup();
    store.getState().start();
    transport.emit({ type: 'navigate', path: '/incidents' });
    expect(store.getState().route).toEqual({ screen: 'incidents', incidentId: null });
    expect(hashes).toEqual(['#/incidents']);
  });

  describe('the monitor detail', () => {
    const chart = (monitorId: string, region: string, from: number, to: number): ChartView => ({
      monitorId,
      region,
      resolution: 'hour',
      from,
      to,
      points: [],
    });
    const check = (fields: Partial<CheckView>): CheckView => ({
      probeId: 'p',
      seq: 1,
      monitorId: 'api',
      region: 'eu',
      ts: NOW - 1000,
      state: 'up',
      latencyMs: 120,
      message: '',
      attempts: 1,
      probeHealthy: true,
      ...fields,
    });

    it('charts one line per region and folds live checks into the chart and the table', async () => {
      const view = monitorView({ id: 'api', regions: ['eu', 'us'] });
      const { store, transport } = setup({
        'monitors.list': () => [view],
        'history.chart': ({ monitorId, region, from, to }) =>
          chart(monitorId, region ?? '*', Number(from), Number(to)),
      });
      store.getState().start();
      await settle(store);
      await store.getState().openDetail('api');
      const detail = store.getState().detail;
      expect(detail.load.status).toBe('ready');
      expect(detail.charts.map((c) => c.region)).toEqual(['eu', 'us']);

      transport.emit({ type: 'checks', checks: [check({ seq: 7 }), check({ seq: 8, monitorId: 'other' })] });
      const after = store.getState().detail;
      expect(after.checks.map((c) => c.seq)).toEqual([7]);
      expect(after.charts[0]!.points).toHaveLength(1);
      expect(after.overall!.points[0]!.count).toBe(1);
      store.getState().closeDetail();
    });

    it('drops a late answer for a monitor the user already left', async () => {
      let release: () => void = () => {};
      const slow = new Promise<void>((resolve) => (release = resolve));
      const { store } = setup({
        'history.chart': async ({ monitorId, region, from, to }) => {
          if (monitorId === 'slow') await slow;
          return chart(monitorId, region ?? '*', Number(from), Number(to));
        },
      });
      const first = store.getState().openDetail('slow');
      await store.getState().openDetail('fast');
      release();
      await first;
      expect(store.getState().detail.monitorId).toBe('fast');
      expect(store.getState().detail.overall!.monitorId).toBe('fast');
    });
  });
});
