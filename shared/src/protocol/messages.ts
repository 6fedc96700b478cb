import { z } from 'zod';
import {
  CheckTestedMessage,
  MonitorDeletedMessage,
  MonitorSavedMessage,
  MonitorsListMessage,
  OkMessage,
  StatusSnapshotMessage,
} from './desktop-replies.js';
import {
  CheckRunRequestMessage,
  CheckTestMessage,
  IncidentAckMessage,
  MonitorDeleteMessage,
  MonitorPauseMessage,
  MonitorsGetMessage,
  MonitorUpsertMessage,
  ResultsCommitMessage,
  ResultsSubscribeMessage,
  StatusGetMessage,
} from './desktop-requests.js';
import { ErrorMessage } from './error.js';
import {
  IncidentEventMessage,
  MonitorsEventMessage,
  ProbeEventMessage,
  StatusEventMessage,
} from './events.js';
import { HelloMessage, HelloOkMessage } from './hello.js';
import { MonitorsDiffMessage, MonitorsFullMessage } from './monitor-sync.js';
import { CheckResultMessage, CheckRunOrderMessage } from './one-off-checks.js';
import { ProbeHealthMessage } from './probe-health.js';
import { ResultsAckMessage, ResultsBatchMessage } from './probe-results.js';
import { ResultsPageMessage } from './result-log.js';

// Every frame of the protocol, one union per direction: a receiver decodes with the union of the
// direction it reads, so a frame meant for another direction is an unknown type there. Receivers
// answer an unknown or invalid frame with an `error` and keep the connection open.

/** Frames a probe sends to the relay. */
export const ProbeToRelay = z.discriminatedUnion('type', [
  HelloMessage,
  ResultsBatchMessage,
  ProbeHealthMessage,
  CheckResultMessage,
  ErrorMessage,
]);
/** A frame a probe sends to the relay, as decoded. */
export type ProbeToRelay = z.output<typeof ProbeToRelay>;

/** Frames the relay sends to a probe. */
export const RelayToProbe = z.discriminatedUnion('type', [
  HelloOkMessage,
  MonitorsFullMessage,
  MonitorsDiffMessage,
  CheckRunOrderMessage,
  ResultsAckMessage,
  ErrorMessage,
]);
/** A frame the relay sends to a probe, as decoded. */
export type RelayToProbe = z.output<typeof RelayToProbe>;

/** Frames a desktop sends to the relay. */
export const DesktopToRelay = z.discriminatedUnion('type', [
  HelloMessage,
  MonitorUpsertMessage,
  MonitorDeleteMessage,
  MonitorPauseMessage,
  MonitorsGetMessage,
  CheckTestMessage,
  CheckRunRequestMessage,
  IncidentAckMessage,
  ResultsSubscribeMessage,
  ResultsCommitMessage,
  StatusGetMessage,
  ErrorMessage,
]);
/** A frame a desktop sends to the relay, as decoded. */
export type DesktopToRelay = z.output<typeof DesktopToRelay>;

/** Frames the relay sends to a desktop. */
export const RelayToDesktop = z.discriminatedUnion('type', [
  HelloOkMessage,
  OkMessage,
  MonitorSavedMessage,
  MonitorDeletedMessage,
  MonitorsListMessage,
  StatusSnapshotMessage,
  CheckTestedMessage,
  ResultsPageMessage,
  StatusEventMessage,
  IncidentEventMessage,
  ProbeEventMessage,
  MonitorsEventMessage,
  ErrorMessage,
]);
/** A frame the relay sends to a desktop, as decoded. */
export type RelayToDesktop = z.output<typeof RelayToDesktop>;

/**
 * The relay's view of a connection's first frame, before it knows whether a probe or a desktop
 * is calling: only `hello` is known, so anything else is refused as an unknown type.
 */
export const ClientHello = z.discriminatedUnion('type', [HelloMessage]);
/** A client's first frame, as decoded. */
export type ClientHello = z.output<typeof ClientHello>;

/** A frame as its sender may write it (defaults may be left out, spans may be duration text). */
export type ProbeToRelayInput = z.input<typeof ProbeToRelay>;
/** A frame as the relay may write it to a probe. */
export type RelayToProbeInput = z.input<typeof RelayToProbe>;
/** A frame as a desktop may write it. */
export type DesktopToRelayInput = z.input<typeof DesktopToRelay>;
/** A frame as the relay may write it to a desktop. */
export type RelayToDesktopInput = z.input<typeof RelayToDesktop>;

/** Any frame of any direction, as its sender may write it. */
export type WireMessageInput =
  ProbeToRelayInput | RelayToProbeInput | DesktopToRelayInput | RelayToDesktopInput;

/** A desktop request: every desktop frame but `hello` and `error`. */
export type DesktopRequest = Exclude<DesktopToRelay, { type: 'hello' | 'error' }>;

const MiB = 1024 * 1024;

/**
 * The frame limit a relay applies to its clients unless configured otherwise (its `maxFrameBytes`
 * setting, announced in `hello.ok`). A client that was not told keeps its frames under this one.
 */
export const DEFAULT_CLIENT_FRAME_BYTES = MiB;

/**
 * Largest frame, in bytes, a receiver accepts per direction (pass as `maxBytes`, and as the
 * WebSocket server's `maxPayload`). Senders split batches and pages to stay under them.
 * - probe → relay, 4 MiB: 1000 typical results are ~0.5 MB, and one result at every field's
 *   maximum (100 verdicts of 4000 characters, all escaped) still fits. A relay may set a lower
 *   limit (DEFAULT_CLIENT_FRAME_BYTES unless told); the probe splits batches by bytes to match it;
 * - desktop → relay, 8 MiB: one monitor may carry a 1 MB HTTP body and 100 KB of browser steps;
 * - relay → probe / desktop, 64 MiB: whole monitor sets and status snapshots; these come from the
 *   client's own relay after authentication, so the bound is against runaway frames, not abuse.
 * Before `hello` succeeds a relay accepts only HELLO_MAX_BYTES.
 */
export const FRAME_LIMITS = {
  probeToRelay: 4 * MiB,
  desktopToRelay: 8 * MiB,
  relayToProbe: 64 * MiB,
  relayToDesktop: 64 * MiB,
} as const;

/**
 * The reply each desktop request gets when it succeeds (it gets `error` with its id otherwise),
 * so a client knows which frames settle a pending request. `check.run` gets one `check.tested`
 * per region; `results.subscribe` is answered by the first `results.page`.
 */
export const REPLY_TYPES = {
  'monitor.upsert': 'monitor.saved',
  'monitor.delete': 'monitor.deleted',
  'monitor.pause': 'monitor.saved',
  'monitors.get': 'monitors.list',
  'check.test': 'check.tested',
  'check.run': 'check.tested',
  'incident.ack': 'ok',
  'results.subscribe': 'results.page',
  'results.commit': 'ok',
  'status.get': 'status.snapshot',
} as const satisfies Record<DesktopRequest['type'], RelayToDesktop['type']>;
