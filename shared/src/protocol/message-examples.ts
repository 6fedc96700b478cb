import type { z } from 'zod';
import type { Incident } from '../evaluator/incident.js';
import type { MonitorInput } from '../monitor/monitor-schema.js';
import type { CheckResult } from '../results/check-result.js';
import { PROTOCOL_VERSION } from './hello.js';
import type {
  DesktopToRelayInput,
  ProbeToRelayInput,
  RelayToDesktopInput,
  RelayToProbeInput,
} from './messages.js';

// A realistic example of every frame, per direction: documentation that the compiler and the
// protocol tests keep honest, and ready-made frames for the probe's and relay's own tests.

type CheckResultInput = z.input<typeof CheckResult>;

const ts = 1_767_225_600_000; // 2026-01-01T00:00:00Z

const apiMonitor = {
  id: 'api-health',
  name: 'API health',
  type: 'http',
  url: 'https://api.example.com/health',
  interval: '30s',
  regions: ['eu-west', 'us-east'],
  conditions: ['json $.ok == true', 'response_time < 2s else degraded'],
} satisfies MonitorInput;

const dbMonitor = {
  id: 'db-port',
  name: 'Postgres port',
  type: 'tcp',
  host: 'db.example.com',
  port: 5432,
} satisfies MonitorInput;

const result = {
  probeId: 'fra-1',
  seq: 4812,
  monitorId: 'api-health',
  region: 'eu-west',
  ts,
  state: 'up',
  latencyMs: 182.4,
  phases: { dnsMs: 3.1, connectMs: 21.7, tlsMs: 44.2, ttfbMs: 98.9, transferMs: 14.5 },
  message: '',
  statusCode: 200,
  verdicts: [{ condition: 'json $.ok == true', pass: true, severity: 'down', message: '' }],
  revision: 17,
} satisfies CheckResultInput;

const failed = {
  probeId: 'fra-1',
  seq: 4813,
  monitorId: 'api-health',
  region: 'eu-west',
  ts: ts + 30_000,
  state: 'down',
  latencyMs: 10_000,
  phases: { dnsMs: 2.9 },
  message: 'connect ETIMEDOUT after 10 s',
  attempts: 2,
  revision: 17,
} satisfies CheckResultInput;

const { seq: _seq, ...oneOff } = result;

const incident: Incident = {
  id: 'api-health:3',
  monitorId: 'api-health',
  openedAt: ts + 60_000,
  cause: 'connect ETIMEDOUT after 10 s',
  regions: ['eu-west', 'us-east'],
  timeline: [
    { ts: ts + 60_000, kind: 'region.down', region: 'eu-west', message: 'connect ETIMEDOUT after 10 s' },
    { ts: ts + 60_000, kind: 'opened', message: 'down in 2 of 2 regions' },
  ],
};

const probe = { probeId: 'fra-1', name: 'Frankfurt 1', region: 'eu-west', lastSeenAt: ts, version: '0.1.0' };

/** One realistic frame of every type, per direction. */
export const PROTOCOL_EXAMPLES = {
  probeToRelay: [
    {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      role: 'probe',
      token: 'vpt_3f9a1c27d0b84e5f',
      probe: {
        id: 'fra-1',
        name: 'Frankfurt 1',
        region: 'eu-west',
        version: '0.1.0',
        capabilities: ['http', 'tcp', 'dns', 'tls'],
      },
    },
    { type: 'results.batch', results: [result, failed] },
    {
      type: 'probe.health',
      healthy: true,
      ts,
      canaries: [
        { target: 'https://1.1.1.1', ok: true },
        { target: 'https://8.8.8.8', ok: true },
      ],
      latenessP99Ms: 12,
      spoolDepth: 2,
      version: '0.1.0',
    },
    { type: 'check.result', requestId: 'run-7', result: oneOff },
    {
      type: 'error',
      code: 'VANTAGE_ERR_INVALID_MESSAGE',
      message: 'invalid monitors.diff: revision: must be greater than fromRevision',
    },
  ],
  relayToProbe: [
    {
      type: 'hello.ok',
      protocol: PROTOCOL_VERSION,
      relayVersion: '0.1.0',
      sessionId: 's-5d1e',
      serverTime: ts,
      maxFrameBytes: 1_048_576,
    },
    { type: 'monitors.full', revision: 17, monitors: [apiMonitor, dbMonitor] },
    {
      type: 'monitors.diff',
      fromRevision: 17,
      revision: 18,
      upserted: [{ ...dbMonitor, port: 6432 }],
      deleted: ['old-cron'],
    },
    { type: 'check.run', requestId: 'run-7', monitor: apiMonitor },
    { type: 'results.ack', upToSeq: 4813 },
    { type: 'error', code: 'VANTAGE_ERR_UNAUTHENTICATED', message: 'unknown or revoked probe token' },
  ],
  desktopToRelay: [
    {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      role: 'desktop',
      token: 'vdt_8e2b44a9c1f0',
      desktop: { id: 'laptop-ana', name: "Ana's laptop", version: '0.1.0' },
    },
    { type: 'monitor.upsert', requestId: 'r1', monitor: apiMonitor, baseRevision: 17 },
    { type: 'monitor.delete', requestId: 'r2', monitorId: 'old-cron' },
    { type: 'monitor.pause', requestId: 'r3', monitorId: 'db-port', paused: true },
    { type: 'monitors.get', requestId: 'r4' },
    { type: 'check.test', requestId: 'r5', monitor: { ...apiMonitor, id: 'draft-1' }, region: 'eu-west' },
    { type: 'check.run', requestId: 'r6', monitorId: 'api-health' },
    { type: 'incident.ack', requestId: 'r7', incidentId: 'api-health:3', by: 'ana@example.com' },
    { type: 'results.subscribe', requestId: 'r8', fromCursor: 90_210 },
    { type: 'results.commit', requestId: 'r9', cursor: 90_212 },
    { type: 'status.get', requestId: 'r10' },
    { type: 'error', code: 'VANTAGE_ERR_INVALID_MESSAGE', message: 'message is not JSON' },
  ],
  relayToDesktop: [
    {
      type: 'hello.ok',
      protocol: PROTOCOL_VERSION,
      relayVersion: '0.1.0',
      sessionId: 's-77aa',
      serverTime: ts,
    },
    { type: 'ok', requestId: 'r7' },
    { type: 'monitor.saved', requestId: 'r1', monitor: apiMonitor, revision: 18 },
    { type: 'monitor.deleted', requestId: 'r2', monitorId: 'old-cron', revision: 19 },
    { type: 'monitors.list', requestId: 'r4', revision: 19, monitors: [apiMonitor, dbMonitor] },
    {
      type: 'status.snapshot',
      requestId: 'r10',
      monitors: [
        {
          monitorId: 'api-health',
          status: 'down',
          regions: [
            {
              region: 'eu-west',
              status: 'down',
              lastResultAt: ts + 60_000,
              message: 'connect ETIMEDOUT after 10 s',
            },
            { region: 'us-east', status: 'down', lastResultAt: ts + 58_000 },
          ],
        },
        { monitorId: 'db-port', status: 'paused', regions: [] },
      ],
      incidents: [incident],
      probes: [{ ...probe, connected: true, healthy: true }],
    },
    { type: 'check.tested', requestId: 'r5', result: { ...oneOff, monitorId: 'draft-1' }, expected: 1 },
    {
      type: 'results.page',
      requestId: 'r8',
      results: [
        { ...result, cursor: 90_211 },
        { ...failed, cursor: 90_212 },
      ],
      cursor: 90_212,
      backlog: 0,
      live: true,
    },
    {
      type: 'event.status',
      monitorId: 'api-health',
      status: 'down',
      previous: 'up',
      ts: ts + 60_000,
      message: 'down in 2 of 2 regions',
      regions: [{ region: 'eu-west', status: 'down' }],
    },
    { type: 'event.incident', change: 'opened', incident },
    { type: 'event.probe', ...probe, connected: false, healthy: false, reason: 'connection lost' },
    { type: 'event.monitors', revision: 20, upserted: [dbMonitor], deleted: [] },
    {
      type: 'error',
      code: 'VANTAGE_ERR_REVISION_CONFLICT',
      message: 'the monitor set is at revision 19, not 17',
      requestId: 'r1',
    },
  ],
} satisfies {
  probeToRelay: ProbeToRelayInput[];
  relayToProbe: RelayToProbeInput[];
  desktopToRelay: DesktopToRelayInput[];
  relayToDesktop: RelayToDesktopInput[];
};
