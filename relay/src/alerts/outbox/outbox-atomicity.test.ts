import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluatorOutput, Incident, MonitorStatusEntry } from '@vantage/shared';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentListeners } from '../../evaluation/incident-listeners.js';
import { OutputSink } from '../../evaluation/output-sink.js';
import type { RelayStorage } from '../../relay-context.js';
import { openSqliteStorage } from '../../storage/sqlite/open-sqlite-storage.js';
import { noticeOf } from '../policies/alert-router.js';
import { AlertOutbox } from './alert-outbox.js';

const log = pino({ level: 'silent' });
const incident: Incident = {
  id: 'api:1',
  monitorId: 'api',
  openedAt: 1000,
  cause: 'HTTP 503',
  regions: ['eu'],
  timeline: [],
};
const outputs: EvaluatorOutput[] = [
  { type: 'monitor.changed', monitorId: 'api', from: 'up', to: 'down', ts: 1000, message: 'HTTP 503' },
  { type: 'incident.opened', incident },
];

let dir: string;
let storage: RelayStorage;
let outbox: AlertOutbox;

function sinkWith(statusOf: () => MonitorStatusEntry | null): OutputSink {
  const listeners = new IncidentListeners(log);
  listeners.add((event) => outbox.stage('hook', noticeOf('down', event.incident, undefined), 1000), {
    inTransaction: true,
  });
  return new OutputSink({ storage, broadcast: () => undefined, listeners, statusOf, now: () => 1000, log });
}
const staged = () => outbox.composeDue(1000, 0).composed;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-outbox-atomic-'));
  storage = openSqliteStorage(join(dir, 'relay.db'));
  outbox = new AlertOutbox(storage.db!, 'relay-test');
});
afterEach(() => {
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the alert outbox and the incident change', () => {
  it('commit together: a failure in the transaction leaves neither the incident nor its alert', () => {
    const failing = sinkWith(() => {
      throw new Error('disk full');
    });
    expect(() => failing.handle(outputs)).toThrow('disk full');
    expect(storage.incidents.get('api:1')).toBeNull();
    expect(staged()).toBe(0);
  });

  it('commit together: a stored incident has its alert staged, and a replay of it stages nothing more', () => {
    const sink = sinkWith(() => null);
    sink.handle(outputs);
    expect(storage.incidents.get('api:1')).toMatchObject({ id: 'api:1' });
    expect(staged()).toBe(1);
    sink.handle(outputs);
    expect(staged()).toBe(0);
  });
});
