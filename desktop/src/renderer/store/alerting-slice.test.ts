import { describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '@vantage/shared';
import { fakeTransport, type FakeHandlers } from '../testing/fake-transport.js';
import { createAppStore } from './app-store.js';

function setup(handlers: FakeHandlers = {}) {
  const transport = fakeTransport(handlers);
  const store = createAppStore({ transport, shell: 'web', now: () => 0, setHash: () => {} });
  return { transport, store };
}

const channel = { kind: 'slack' as const, id: 'ops', name: '#ops', enabled: true, webhookUrl: '[redacted]' };
const delivery = (id: string, channelId: string): DeliveryRecord => ({
  id,
  channelId,
  status: 'delivered',
  createdAt: 1,
  nextAttemptAt: null,
  deliveredAt: 2,
  lastError: null,
  message: { at: 1, notices: [] as never },
  attempts: [],
});

describe('the alerting slice', () => {
  it('loads every alerting list, and says why when the relay cannot answer', async () => {
    const { store } = setup({
      'alerting.channels.list': () => [{ channel, lastDelivery: null }],
      'alerting.rules.list': () => [],
      'alerting.escalation.list': () => [],
      'alerting.schedules.list': () => [],
      'alerting.maintenance.list': () => [],
    });
    await store.getState().loadAlerting();
    expect(store.getState().alertingLoad.status).toBe('ready');
    expect(store.getState().alerting.channels[0]?.channel.id).toBe('ops');

    const offline = setup({
      'alerting.channels.list': () => ({
        ok: false,
        error: { code: 'VANTAGE_ERR_RELAY_UNAVAILABLE', message: 'no relay is linked' },
      }),
    });
    await offline.store.getState().loadAlerting(['channels']);
    expect(offline.store.getState().alertingLoad).toEqual({ status: 'error', error: 'no relay is linked' });
  });

  it('reloads a part after saving, and keeps the relay’s field errors when it refuses', async () => {
    let saved = false;
    const { store, transport } = setup({
      'alerting.rules.save': (rule) =>
        rule.name === ''
          ? {
              ok: false,
              error: {
                code: 'VANTAGE_ERR_INVALID_MESSAGE',
                message: 'name: must not be empty',
                fields: [{ path: 'name', message: 'must not be empty' }],
              },
            }
          : ((saved = true),
            {
              id: 'r',
              name: 'R',
              enabled: true,
              monitorIds: [],
              tags: [],
              channels: [],
              on: { down: true, degraded: false, recovered: true, certExpiry: true },
              certExpiryDays: [14],
            }),
      'alerting.rules.list': () =>
        saved
          ? [
              {
                id: 'r',
                name: 'R',
                enabled: true,
                monitorIds: [],
                tags: [],
                channels: [],
                on: { down: true, degraded: false, recovered: true, certExpiry: true },
                certExpiryDays: [14],
              },
            ]
          : [],
    });
    const refused = await store.getState().saveAlerting('rules', { id: 'r', name: '' });
    expect(!refused.ok && refused.error.fields).toEqual([{ path: 'name', message: 'must not be empty' }]);
    expect(transport.calls.map((c) => c.method)).toEqual(['alerting.rules.save']);
    const accepted = await store.getState().saveAlerting('rules', { id: 'r', name: 'R' });
    expect(accepted.ok).toBe(true);
    expect(store.getState().alerting.rules.map((r) => r.id)).toEqual(['r']);
  });

  it('deletes a schedule by its channel id', async () => {
    const { store, transport } = setup({
      'alerting.schedules.delete': ({ channelId }) => ({ id: channelId }),
    });
    await store.getState().deleteAlerting('schedules', 'ops');
    expect(transport.calls[0]).toEqual({ method: 'alerting.schedules.delete', input: { channelId: 'ops' } });
  });

  it('filters the delivery log, and an answer for an older filter never replaces a newer one', async () => {
    const answers: ((records: DeliveryRecord[]) => void)[] = [];
    const { store, transport } = setup({
      'alerting.deliveries': () => new Promise<DeliveryRecord[]>((resolve) => answers.push(resolve)),
    });
    store.getState().setDeliveryFilter({ channelId: 'ops' });
    store.getState().setDeliveryFilter({ status: 'failed' });
    expect(transport.calls.map((c) => c.input)).toEqual([
      { limit: 200, channelId: 'ops' },
      { limit: 200, channelId: 'ops', status: 'failed' },
    ]);
    answers[1]!([delivery('new', 'ops')]);
    await Promise.resolve();
    answers[0]!([delivery('old', 'ops')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().deliveries.map((d) => d.id)).toEqual(['new']);
  });

  it('finds the deliveries that reported one incident', async () => {
    const about = (id: string, incidentId: string): DeliveryRecord => ({
      ...delivery(id, 'ops'),
      message: {
        at: 1,
        notices: [
          { kind: 'down', monitorId: 'm', monitorName: 'M', incidentId, cause: '', regions: [], openedAt: 1 },
        ],
      },
    });
    const { store } = setup({
      'alerting.deliveries': () => [about('a', 'm:1'), about('b', 'm:2'), about('c', 'm:1')],
    });
    expect((await store.getState().deliveriesOfIncident('m:1')).map((d) => d.id)).toEqual(['a', 'c']);
  });
});
