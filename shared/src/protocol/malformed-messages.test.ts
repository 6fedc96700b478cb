import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.js';
import { decodeMessage, type MessageUnion } from './decode-message.js';
import { PROTOCOL_EXAMPLES } from './message-examples.js';
import { DesktopToRelay, FRAME_LIMITS, ProbeToRelay, RelayToDesktop, RelayToProbe } from './messages.js';
import { MAX_RESULTS_PER_BATCH } from './probe-results.js';

// Each row breaks one field of a realistic frame; the decoder must refuse it, say which field and why.

const DIRECTIONS = {
  probeToRelay: ProbeToRelay,
  relayToProbe: RelayToProbe,
  desktopToRelay: DesktopToRelay,
  relayToDesktop: RelayToDesktop,
};
type Direction = keyof typeof DIRECTIONS;

function decode(direction: Direction, frame: unknown) {
  return decodeMessage(DIRECTIONS[direction] as MessageUnion, JSON.stringify(frame), {
    maxBytes: FRAME_LIMITS[direction],
  });
}

const example = (direction: Direction, type: string): Record<string, unknown> =>
  structuredClone(PROTOCOL_EXAMPLES[direction].find((f) => f.type === type)) as Record<string, unknown>;
const aResult = (example('probeToRelay', 'results.batch').results as Record<string, unknown>[])[0]!;
const results = (n: number) => Array.from({ length: n }, (_, i) => ({ ...aResult, seq: i + 1 }));

describe('malformed messages', () => {
  type Row = [string, Direction, Record<string, unknown>, string, RegExp];
  const bad = (direction: Direction, type: string, patch: Record<string, unknown>) => ({
    ...example(direction, type),
    ...patch,
  });
  it.each<Row>([
    [
      'a result with a negative seq',
      'probeToRelay',
      bad('probeToRelay', 'results.batch', { results: [...results(3), { ...aResult, seq: -1 }] }),
      'results.3.seq',
      /greater than 0/,
    ],
    [
      'an empty results batch',
      'probeToRelay',
      bad('probeToRelay', 'results.batch', { results: [] }),
      'results',
      /must not be empty/,
    ],
    [
      'an oversized results batch',
      'probeToRelay',
      bad('probeToRelay', 'results.batch', { results: results(MAX_RESULTS_PER_BATCH + 1) }),
      'results',
      /at most 1000 items/,
    ],
    [
      'a result without a state',
      'probeToRelay',
      bad('probeToRelay', 'results.batch', { results: [{ ...aResult, state: undefined }] }),
      'results.0.state',
      /one of "up", "degraded", "down"/,
    ],
    [
      'a probe hello without its identity',
      'probeToRelay',
      bad('probeToRelay', 'hello', { probe: undefined }),
      'probe',
      /required when role is "probe"/,
    ],
    [
      'a desktop hello without its identity',
      'desktopToRelay',
      bad('desktopToRelay', 'hello', { desktop: undefined }),
      'desktop',
      /required when role is "desktop"/,
    ],
    [
      'a hello with a textual protocol version',
      'probeToRelay',
      bad('probeToRelay', 'hello', { protocol: '1' }),
      'protocol',
      /must be a number, not a string/,
    ],
    [
      'a hello without a token',
      'desktopToRelay',
      bad('desktopToRelay', 'hello', { token: undefined }),
      'token',
      /is required/,
    ],
    [
      'a hello with an unknown role',
      'probeToRelay',
      bad('probeToRelay', 'hello', { role: 'admin' }),
      'role',
      /"probe", "desktop"/,
    ],
    [
      'a health report without canaries',
      'probeToRelay',
      bad('probeToRelay', 'probe.health', { canaries: undefined }),
      'canaries',
      /is required/,
    ],
    [
      'a one-off result without its request id',
      'probeToRelay',
      bad('probeToRelay', 'check.result', { requestId: undefined }),
      'requestId',
      /is required/,
    ],
    [
      'a diff that does not move forward',
      'relayToProbe',
      bad('relayToProbe', 'monitors.diff', { revision: 17 }),
      'revision',
      /greater than fromRevision/,
    ],
    [
      'a monitor of an unknown type',
      'relayToProbe',
      bad('relayToProbe', 'monitors.full', { monitors: [{ id: 'm', name: 'M', type: 'smtp' }] }),
      'monitors.0.type',
      /one of "http", "tcp"/,
    ],
    [
      'a negative ack',
      'relayToProbe',
      bad('relayToProbe', 'results.ack', { upToSeq: -1 }),
      'upToSeq',
      /at least 0/,
    ],
    [
      'an upsert with an ftp URL',
      'desktopToRelay',
      bad('desktopToRelay', 'monitor.upsert', {
        monitor: {
          ...(example('desktopToRelay', 'monitor.upsert').monitor as object),
          url: 'ftp://example.com',
        },
      }),
      'monitor.url',
      /http:\/\/ or https:\/\//,
    ],
    [
      'an upsert with a condition that does not parse',
      'desktopToRelay',
      bad('desktopToRelay', 'monitor.upsert', {
        monitor: {
          ...(example('desktopToRelay', 'monitor.upsert').monitor as object),
          conditions: ['status =='],
        },
      }),
      'monitor.conditions.0',
      /./,
    ],
    [
      'a request without a request id',
      'desktopToRelay',
      bad('desktopToRelay', 'monitors.get', { requestId: undefined }),
      'requestId',
      /is required/,
    ],
    [
      'a test in a malformed region',
      'desktopToRelay',
      bad('desktopToRelay', 'check.test', { region: 'EU West' }),
      'region',
      /lowercase/,
    ],
    [
      'a fractional cursor',
      'desktopToRelay',
      bad('desktopToRelay', 'results.subscribe', { fromCursor: 1.5 }),
      'fromCursor',
      /integer/,
    ],
    [
      'an anonymous acknowledgement',
      'desktopToRelay',
      bad('desktopToRelay', 'incident.ack', { by: '  ' }),
      'by',
      /must not be empty/,
    ],
    [
      'a pause without a flag',
      'desktopToRelay',
      bad('desktopToRelay', 'monitor.pause', { paused: 'yes' }),
      'paused',
      /true or false/,
    ],
    [
      'a page with results out of order',
      'relayToDesktop',
      bad('relayToDesktop', 'results.page', {
        results: [
          { ...aResult, cursor: 5 },
          { ...aResult, seq: 9, cursor: 4 },
        ],
        cursor: 5,
      }),
      'results.1.cursor',
      /greater than the one before/,
    ],
    [
      'a page that is live with a backlog',
      'relayToDesktop',
      bad('relayToDesktop', 'results.page', { backlog: 3, live: true }),
      'live',
      /backlog/,
    ],
    [
      'a page whose cursor is behind its results',
      'relayToDesktop',
      bad('relayToDesktop', 'results.page', { cursor: 1 }),
      'cursor',
      /last result/,
    ],
    [
      'a status event with an unknown status',
      'relayToDesktop',
      bad('relayToDesktop', 'event.status', { status: 'broken' }),
      'status',
      /"dependency_down"/,
    ],
    [
      'an incident event with an unknown change',
      'relayToDesktop',
      bad('relayToDesktop', 'event.incident', { change: 'deleted' }),
      'change',
      /"acknowledged"/,
    ],
    [
      'a snapshot incident without a timeline',
      'relayToDesktop',
      bad('relayToDesktop', 'status.snapshot', {
        incidents: [
          { ...(example('relayToDesktop', 'event.incident').incident as object), timeline: undefined },
        ],
      }),
      'incidents.0.timeline',
      /is required/,
    ],
    [
      'a probe event without a region',
      'relayToDesktop',
      bad('relayToDesktop', 'event.probe', { region: undefined }),
      'region',
      /is required/,
    ],
    [
      'an error frame without a message',
      'relayToDesktop',
      bad('relayToDesktop', 'error', { message: undefined }),
      'message',
      /is required/,
    ],
  ])('rejects %s and names the field', (_, direction, frame, path, message) => {
    const decoded = decode(direction, frame);
    if (decoded.ok) throw new Error('expected the frame to be rejected');
    expect(decoded.error.code).toBe(ErrorCode.invalidMessage);
    expect(decoded.error.details).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(decoded.error.message).toContain(path);
  });

  it('lists every bad field, not only the first', () => {
    const frame = {
      type: 'results.batch',
      results: [{ ...aResult, seq: 0 }, aResult, { ...aResult, region: 'Mars' }],
    };
    const decoded = decode('probeToRelay', frame);
    expect(decoded.ok ? [] : decoded.error.details?.map((d) => d.path)).toEqual([
      'results.0.seq',
      'results.2.region',
    ]);
  });

  it('reads an error code from a newer peer as internal instead of dropping the frame', () => {
    const decoded = decode('relayToDesktop', {
      type: 'error',
      code: 'VANTAGE_ERR_FROM_THE_FUTURE',
      message: 'x',
      requestId: 'r1',
    });
    expect(decoded).toMatchObject({ ok: true, value: { code: ErrorCode.internal, requestId: 'r1' } });
  });

  it('ignores fields it does not know, so a newer peer can add optional ones', () => {
    const decoded = decode('relayToProbe', { type: 'results.ack', upToSeq: 5, compressed: true });
    expect(decoded).toEqual({ ok: true, value: { type: 'results.ack', upToSeq: 5 } });
  });
});
