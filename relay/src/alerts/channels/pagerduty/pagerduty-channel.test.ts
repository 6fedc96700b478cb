import { type PagerDutyChannelConfig, testAlertMessage } from '@vantage/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deliverAlert } from '../../deliver-alert.js';
import {
  channelConfig,
  groupedMessage,
  NOW,
  sampleMessage,
  sampleNotice,
  T0,
  testContext,
} from '../../testing/alert-fixtures.js';
import { type RecordingServer, startRecordingServer } from '../../testing/recording-server.js';
import type { PagerDutyEvent } from './pagerduty-event.js';

const KEY = 'R0UT1NGK3Y0123456789abcdefABCDEF';
const ACCEPTED = { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: 'api:1' } };
let pagerDuty: RecordingServer;
let config: PagerDutyChannelConfig;

beforeAll(async () => {
  pagerDuty = await startRecordingServer(ACCEPTED);
  config = channelConfig({
    kind: 'pagerduty',
    id: 'pd',
    name: 'PD',
    routingKey: KEY,
    apiBase: pagerDuty.url,
  });
});
afterAll(() => pagerDuty.close());

async function events(message = sampleMessage()): Promise<PagerDutyEvent[]> {
  pagerDuty.requests.length = 0;
  const outcome = await deliverAlert(message, config, testContext());
  expect(outcome.ok).toBe(true);
  expect(pagerDuty.requests.every((r) => r.url === '/v2/enqueue')).toBe(true);
  return pagerDuty.requests.map((r) => JSON.parse(r.body) as PagerDutyEvent);
}

test('a down notice triggers an alert keyed by the incident id, with the documented payload', async () => {
  expect(await events()).toEqual([
    {
      routing_key: KEY,
      event_action: 'trigger',
      dedup_key: 'api:1',
      payload: {
        summary: 'API is down: connect ECONNREFUSED 203.0.113.7:443',
        source: 'https://api.example.com/health',
        severity: 'critical',
        timestamp: new Date(T0).toISOString(),
        component: 'API',
        group: 'eu-west, us-east',
        class: 'down',
        custom_details: expect.objectContaining({ Regions: 'eu-west, us-east', Status: 'Down' }),
      },
      client: 'Vantage',
      client_url: 'https://status.example.com/incidents/api-1',
      links: [{ href: 'https://status.example.com/incidents/api-1', text: 'Open in Vantage' }],
    },
  ]);
});

test.each([
  ['acknowledged', 'acknowledge'],
  ['recovered', 'resolve'],
] as const)('an %s notice sends %s with the same dedup key and no payload', async (kind, action) => {
  const [event] = await events(sampleMessage(sampleNotice({ kind, resolvedAt: NOW })));
  expect(event).toEqual({ routing_key: KEY, event_action: action, dedup_key: 'api:1' });
});

test('a degraded notice is a warning', async () => {
  const [event] = await events(sampleMessage(sampleNotice({ kind: 'degraded' })));
  expect(event!.payload!.severity).toBe('warning');
});

test('a degraded spell, the outage it led into and the recovery land on one alert, keyed by the story', async () => {
  const story = { storyId: 'api:degraded:1' };
  const sent = await events(
    sampleMessage(
      sampleNotice({ kind: 'degraded', incidentId: 'api:degraded:1' }),
      sampleNotice({ kind: 'down', ...story }),
      sampleNotice({ kind: 'recovered', resolvedAt: NOW, ...story }),
    ),
  );
  expect(sent.map((e) => [e.event_action, e.dedup_key])).toEqual([
    ['trigger', 'api:degraded:1'],
    ['trigger', 'api:degraded:1'],
    ['resolve', 'api:degraded:1'],
  ]);
});

test('a test triggers and then resolves its alert, leaving nothing open', async () => {
  const sent = await events(testAlertMessage({ at: NOW, channelName: 'PD' }));
  expect(sent.map((e) => [e.event_action, e.dedup_key])).toEqual([
    ['trigger', `test-${NOW}`],
    ['resolve', `test-${NOW}`],
  ]);
  expect(sent[0]!.payload!.severity).toBe('info');
});

test('a group sends one event per incident, each with its own dedup key', async () => {
  const sent = await events(groupedMessage(50));
  expect(new Set(sent.map((e) => e.dedup_key)).size).toBe(50);
});

test('a failure stops the group there; a retry may resend earlier events because PagerDuty deduplicates', async () => {
  let count = 0;
  pagerDuty.reply(() => (++count === 3 ? { status: 500, body: '' } : ACCEPTED));
  pagerDuty.requests.length = 0;
  const outcome = await deliverAlert(groupedMessage(10), config, testContext());
  pagerDuty.reply(ACCEPTED);
  expect(outcome).toMatchObject({ ok: false, permanent: false, error: 'PagerDuty: HTTP 500' });
  expect(pagerDuty.requests).toHaveLength(3);
});

test('a bad routing key is permanent with PagerDuty’s error list and no key in it', async () => {
  pagerDuty.reply({
    status: 400,
    body: {
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: [`Invalid routing key ${KEY}`],
    },
  });
  const outcome = await deliverAlert(sampleMessage(), config, testContext());
  pagerDuty.reply(ACCEPTED);
  expect(outcome).toEqual({
    ok: false,
    permanent: true,
    error:
      'PagerDuty: HTTP 400: Event object is invalid Invalid routing key [redacted] (check routingKey: it must be an Events API v2 integration key)',
  });
});

test('each certificate threshold pages anew: the open alert of that certificate is resolved, then triggered again', async () => {
  const cert = sampleNotice({
    kind: 'cert-expiry',
    incidentId: 'api:cert:1790000000000',
    cause: 'The certificate expires in 7 days',
    certExpiresAt: NOW + 7 * 86_400_000,
  });
  const sent = await events(sampleMessage(cert));
  expect(sent.map((e) => [e.event_action, e.dedup_key])).toEqual([
    ['resolve', 'api:cert:1790000000000'],
    ['trigger', 'api:cert:1790000000000'],
  ]);
  expect(sent[1]!.payload).toMatchObject({ severity: 'warning', class: 'cert-expiry' });
});

test('a renewed certificate resolves the old certificate alert', async () => {
  const renewed = sampleNotice({
    kind: 'recovered',
    incidentId: 'api:cert:1790000000000',
    cause: 'The certificate was renewed; it now expires 2027-01-01',
    resolvedAt: NOW,
    certExpiresAt: NOW + 90 * 86_400_000,
  });
  expect(await events(sampleMessage(renewed))).toEqual([
    { routing_key: KEY, event_action: 'resolve', dedup_key: 'api:cert:1790000000000' },
  ]);
});
