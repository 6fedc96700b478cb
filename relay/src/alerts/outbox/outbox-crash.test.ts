import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelConfig } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../config/data-dir.js';
import { openRelayDatabase } from '../../storage/sqlite/open-database.js';
import { ensureRelayId } from '../../storage/sqlite/relay-identity.js';
import { type RelayProcess, spawnRelay } from '../../testing/child-processes.js';
import { eventually } from '../../testing/eventually.js';
import { AlertConfigStore } from '../store/alert-config-store.js';
import { sampleNotice } from '../testing/alert-fixtures.js';
import { type RecordingServer, startRecordingServer } from '../testing/recording-server.js';
import { AlertOutbox } from './alert-outbox.js';

let dir: string;
let receiver: RecordingServer;
let relay: RelayProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-outbox-crash-'));
  receiver = await startRecordingServer();
});
afterAll(async () => {
  await relay?.kill('SIGKILL');
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

const idOf = (body: string) => (JSON.parse(body) as { id: string }).id;

describe('alert outbox across kill -9', () => {
  it('delivers every pending message after a crash; only the request in flight at the kill is repeated, with the same id', async () => {
    const dataDir = join(dir, 'data');
    // Six messages wait in the outbox of a relay that is not running yet.
    const db = openRelayDatabase(join(dataDir, DATABASE_FILE));
    new AlertConfigStore(db).put(
      'channel',
      ChannelConfig.parse({
        kind: 'webhook',
        id: 'hook',
        name: 'Hook',
        url: `${receiver.url}/hook`,
        secret: 'a-long-enough-secret',
      }),
      Date.now(),
    );
    const relayId = ensureRelayId(db);
    const outbox = new AlertOutbox(db, relayId);
    for (let i = 1; i <= 6; i += 1) {
      outbox.stage('hook', sampleNotice({ monitorId: `m${i}`, incidentId: `m${i}:1` }), Date.now());
      outbox.composeDue(Date.now(), 0);
    }
    const ids = outbox
      .list({ limit: 10 })
      .map((m) => m.id)
      .reverse();
    expect(ids).toHaveLength(6);
    db.close();

    // The receiver takes the first two and never answers the third: it is in flight when the relay dies.
    receiver.reply((request) =>
      idOf(request.body) === ids[2] ? { status: 200, hang: true } : { status: 200 },
    );
    relay = await spawnRelay(dataDir);
    await eventually(
      () =>
        expect(
          receiver.requests.map((r) => idOf(r.body)),
          relay?.stdout(),
        ).toEqual(ids.slice(0, 3)),
      20_000,
    );
    await relay.kill('SIGKILL');

    receiver.reply({ status: 200 });
    relay = await spawnRelay(dataDir);
    await eventually(() => expect(receiver.requests).toHaveLength(7), 20_000);
    const received = receiver.requests.map((r) => idOf(r.body));
    expect(received).toEqual([...ids.slice(0, 3), ...ids.slice(2)]);
    await relay.kill('SIGTERM');
    relay = undefined;

    const check = openRelayDatabase(join(dataDir, DATABASE_FILE));
    const records = new AlertOutbox(check, relayId).list({ limit: 10 });
    check.close();
    expect(records.map((r) => r.status)).toEqual(Array(6).fill('delivered'));
    const third = records.find((r) => r.id === ids[2])!;
    expect(third.attempts.map((a) => a.outcome)).toEqual(['interrupted', 'delivered']);
  });
});
