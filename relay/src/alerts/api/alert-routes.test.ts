import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestRelay, startApiTestRelay } from '../../api/api-test-relay.js';
import { type RecordingServer, startRecordingServer } from '../testing/recording-server.js';

let t: ApiTestRelay;
let receiver: RecordingServer;
beforeAll(async () => {
  t = await startApiTestRelay();
  receiver = await startRecordingServer();
});
afterAll(async () => {
  await t.stop();
  await receiver.close();
});

const slack = () => ({
  kind: 'slack',
  id: 'ops',
  name: 'Ops',
  webhookUrl: `${receiver.url}/services/T00/B00/XXXXSECRET`,
});

describe('alert channel API', () => {
  it('stores a channel and never answers with its secret', async () => {
    const created = await t.api('PUT', '/alert-channels/ops', slack());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'ops', webhookUrl: '[redacted]' });
    const listed = await t.api('GET', '/alert-channels');
    expect(JSON.stringify(listed.body)).not.toContain('XXXXSECRET');
    expect(listed.body!.channels).toMatchObject([{ id: 'ops', webhookUrl: '[redacted]' }]);
  });

  it('keeps the stored secret when a client sends the redacted marker back, and tests the saved channel', async () => {
    const renamed = await t.api('PUT', '/alert-channels/ops', {
      ...slack(),
      name: 'Ops room',
      webhookUrl: '[redacted]',
    });
    expect(renamed.status).toBe(200);
    receiver.requests.length = 0;
    const tested = await t.api('POST', '/alert-channels/ops/test');
    expect(tested.body).toMatchObject({ ok: true });
    expect(receiver.requests.map((r) => r.url)).toEqual(['/services/T00/B00/XXXXSECRET']);
    expect(receiver.requests[0]!.body).toContain('Ops room');
  });

  it('refuses bad settings naming the field, and a redacted marker with nothing stored to keep', async () => {
    const bad = await t.api('PUT', '/alert-channels/bad', {
      kind: 'slack',
      id: 'bad',
      name: 'Bad',
      webhookUrl: 'not a url',
    });
    expect(bad.status).toBe(400);
    expect(bad.body!.details).toMatchObject([{ path: 'webhookUrl' }]);
    const marker = await t.api('PUT', '/alert-channels/new', {
      kind: 'slack',
      id: 'new',
      name: 'New',
      webhookUrl: '[redacted]',
    });
    expect(marker.status).toBe(400);
    expect(marker.body!.details[0].message).toContain('no stored value');
    expect((await t.api('GET', '/alert-channels/bad')).status).toBe(404);
  });

  it('sends a test with unsaved settings and reports a provider failure without the secret', async () => {
    receiver.reply({ status: 404, body: 'no_team' });
    const tested = await t.api('POST', '/alert-channels/test', { ...slack(), id: 'draft' });
    receiver.reply({ status: 200, body: 'ok' });
    expect(tested.body).toMatchObject({ ok: false, permanent: true });
    expect(tested.body!.error).toContain('no_team');
    expect(tested.body!.error).not.toContain('XXXXSECRET');
  });

  it('needs a desktop token', async () => {
    expect((await t.api('GET', '/alert-channels', undefined, null)).status).toBe(401);
    expect((await t.api('GET', '/alert-rules', undefined, t.probe)).status).toBe(403);
  });
});

describe('alert policy API', () => {
  it.each([
    [
      '/alert-rules/prod',
      { id: 'prod', name: 'Prod', tags: ['prod'], channels: ['ops'] },
      { certExpiryDays: [14, 7, 3] },
    ],
    [
      '/escalation-policies/esc',
      { id: 'esc', name: 'Esc', steps: [{ afterMinutes: 5, channels: ['ops'] }], reminderEveryMinutes: 30 },
      { repeat: false },
    ],
    [
      '/channel-schedules/ops',
      {
        channelId: 'ops',
        timeZone: 'Europe/Berlin',
        ranges: [{ days: ['sat', 'sun'], start: '00:00', end: '24:00' }],
      },
      { send: 'within' },
    ],
    [
      '/maintenance-windows/nightly',
      {
        kind: 'recurring',
        id: 'nightly',
        name: 'Nightly',
        tags: ['db'],
        cron: '0 3 * * *',
        timeZone: 'UTC',
        durationMinutes: 30,
      },
      { monitorIds: [] },
    ],
  ] as const)('creates, lists and deletes %s with defaults filled', async (path, doc, defaults) => {
    const created = await t.api('PUT', path, doc);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...doc, ...defaults });
    const collection = path.slice(0, path.lastIndexOf('/'));
    expect((await t.api('GET', collection)).body!.items).toContainEqual(created.body);
    expect((await t.api('DELETE', path)).status).toBe(200);
    expect((await t.api('DELETE', path)).status).toBe(404);
  });

  it('refuses an invalid policy naming the field, and an id that differs from the URL', async () => {
    const bad = await t.api('PUT', '/maintenance-windows/w', {
      kind: 'recurring',
      id: 'w',
      name: 'W',
      tags: ['x'],
      cron: 'nope',
      timeZone: 'UTC',
      durationMinutes: 5,
    });
    expect(bad.status).toBe(400);
    expect(bad.body!.details).toMatchObject([{ path: 'cron' }]);
    const mismatch = await t.api('PUT', '/alert-rules/a', { id: 'b', name: 'B' });
    expect(mismatch.body!.details).toMatchObject([{ path: 'id' }]);
  });

  it('serves an empty delivery log and describes the alert routes in the OpenAPI document', async () => {
    expect((await t.api('GET', '/alert-deliveries?status=failed')).body).toEqual({ deliveries: [] });
    const doc = (await t.api('GET', '/openapi.json')).body!;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/alert-channels',
        '/api/v1/alert-rules',
        '/api/v1/maintenance-windows/{id}',
        '/api/v1/alert-deliveries',
      ]),
    );
  });
});
