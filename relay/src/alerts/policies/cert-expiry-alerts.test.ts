import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertRule, ChannelConfig, type CheckResult } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRelayDatabase } from '../../storage/sqlite/open-database.js';
import { AlertOutbox } from '../outbox/alert-outbox.js';
import { AlertConfigStore } from '../store/alert-config-store.js';
import { CertExpiryAlerts } from './cert-expiry-alerts.js';
import { NoticeStager } from './notice-stager.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T12:00:00Z');
const EXPIRY = T0 + 20 * DAY;

let dir: string;
let db: Database.Database;
let outbox: AlertOutbox;
let config: AlertConfigStore;
let seq = 0;

function open(): CertExpiryAlerts {
  config = new AlertConfigStore(db);
  outbox = new AlertOutbox(db, 'relay-test');
  const monitor = (id: string) => ({ name: id, tags: ['web'], target: 'https://shop.example.com' });
  const stager = new NoticeStager({ config, outbox, monitor, now: () => T0 });
  return new CertExpiryAlerts({ db, config, stager, now: () => T0 });
}

/** An HTTPS result taken `day` days after T0 whose certificate expires at `expiry`. */
function result(day: number, expiry = EXPIRY, monitorId = 'shop'): CheckResult {
  seq += 1;
  return {
    probeId: 'p1',
    seq,
    monitorId,
    region: 'eu-west',
    ts: T0 + day * DAY,
    state: 'up',
    latencyMs: 80,
    message: '',
    attempts: 1,
    probeHealthy: true,
    certExpiresAt: expiry,
    certIssuer: 'Example CA',
  };
}

/** The notices staged so far, as `channel: cause`, then marked sent. */
function sent(): string[] {
  outbox.composeDue(T0 + 365 * DAY, 0);
  const messages = outbox.list({ status: 'pending', limit: 100 });
  for (const m of outbox.claim(T0 + 365 * DAY, 1, new Set(), 100))
    outbox.record(m.rowId, { outcome: 'delivered', detail: '' }, T0, 0);
  return messages.flatMap((m) => m.message.notices.map((n) => `${m.channelId}: ${n.cause}`)).sort();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-cert-alerts-'));
  db = openRelayDatabase(join(dir, 'relay.db'));
  seq = 0;
  open();
  for (const id of ['ops', 'mail'])
    config.put(
      'channel',
      ChannelConfig.parse({
        kind: 'webhook',
        id,
        name: id,
        url: `http://127.0.0.1:9/${id}`,
        secret: 'a-long-enough-secret',
      }),
      T0,
    );
  config.put('rule', AlertRule.parse({ id: 'web', name: 'Web', tags: ['web'], channels: ['ops'] }), T0);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('certificate expiry alerts', () => {
  it('announce each default threshold once as the certificate nears expiry, across restarts', () => {
    let alerts = open();
    alerts.observe([result(0), result(5)]);
    expect(sent()).toEqual([]);
    alerts.observe([result(6), result(6.5)]);
    expect(sent()).toEqual(['ops: The certificate expires in 14 days (issued by Example CA)']);
    alerts.observe([result(7), result(12)]);
    expect(sent()).toEqual([]);
    db.close();
    db = openRelayDatabase(join(dir, 'relay.db'));
    alerts = open();
    alerts.observe([result(12.5)]);
    expect(sent()).toEqual([]);
    alerts.observe([result(13), result(13.5)]);
    expect(sent()).toEqual(['ops: The certificate expires in 7 days (issued by Example CA)']);
    alerts.observe([result(17.5), result(21)]);
    expect(sent()).toEqual(['ops: The certificate expires in 2 days (issued by Example CA)']);
  });

  it('start over for a renewed certificate, and send one notice for thresholds crossed at once', () => {
    const alerts = open();
    alerts.observe([result(0, T0 + 5 * DAY)]);
    expect(sent()).toEqual(['ops: The certificate expires in 5 days (issued by Example CA)']);
    alerts.observe([result(1, T0 + 5 * DAY)]);
    expect(sent()).toEqual([]);
    alerts.observe([result(2, T0 + 92 * DAY)]);
    expect(sent()).toEqual(['ops: The certificate was renewed; it now expires 2026-06-02']);
    alerts.observe([result(80, T0 + 92 * DAY)]);
    expect(sent()).toEqual(['ops: The certificate expires in 12 days (issued by Example CA)']);
  });

  it('tell once, across restarts and regions, that a certificate was renewed, closing its story', () => {
    let alerts = open();
    alerts.observe([result(6.5)]);
    expect(sent()).toEqual(['ops: The certificate expires in 13 days (issued by Example CA)']);
    // A certificate further from expiry than any threshold, but not a renewal of one announced.
    alerts.observe([result(7, T0 + 90 * DAY, 'other')]);
    expect(sent()).toEqual([]);
    db.close();
    db = openRelayDatabase(join(dir, 'relay.db'));
    alerts = open();
    alerts.observe([result(8, T0 + 98 * DAY), result(8, T0 + 98 * DAY)]);
    outbox.composeDue(T0 + 365 * DAY, 0);
    const [renewal] = outbox.list({ status: 'pending', limit: 10 }).flatMap((m) => m.message.notices);
    expect(renewal).toMatchObject({
      kind: 'recovered',
      incidentId: `shop:cert:${EXPIRY}`,
      openedAt: T0,
      resolvedAt: T0 + 8 * DAY,
      cause: 'The certificate was renewed; it now expires 2026-06-08',
    });
    sent();
    // A region still served the old certificate for a while: nothing new to say.
    alerts.observe([result(8.5), result(9, T0 + 98 * DAY)]);
    db.close();
    db = openRelayDatabase(join(dir, 'relay.db'));
    open().observe([result(9.5, T0 + 98 * DAY)]);
    expect(sent()).toEqual([]);
  });

  it('follow each rule: its own thresholds and channels, nothing when certExpiry is off or the probe is unhealthy', () => {
    config.put(
      'rule',
      AlertRule.parse({
        id: 'mail',
        name: 'Mail',
        monitorIds: ['shop'],
        channels: ['mail'],
        certExpiryDays: [30],
      }),
      T0,
    );
    config.put(
      'rule',
      AlertRule.parse({ id: 'quiet', name: 'Quiet', channels: ['ops'], on: { certExpiry: false } }),
      T0,
    );
    const alerts = open();
    alerts.observe([{ ...result(0, T0 + 25 * DAY), probeHealthy: false }]);
    expect(sent()).toEqual([]);
    alerts.observe([result(0, T0 + 25 * DAY), result(0, T0 + 25 * DAY, 'other')]);
    expect(sent()).toEqual(['mail: The certificate expires in 25 days (issued by Example CA)']);
  });
});
