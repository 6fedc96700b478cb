import type { AddressInfo } from 'node:net';
import {
  type CheckResult,
  type CheckResultMessage,
  decodeMessage,
  encodeMessage,
  FRAME_LIMITS,
  type HelloMessage,
  type Monitor,
  type MonitorInput,
  MonitorSchema,
  PROTOCOL_VERSION,
  type ProbeHealthMessage,
  ProbeToRelay,
  type RelayToProbeInput,
  resultId,
  type WireError,
} from '@vantage/shared';
import { WebSocket, WebSocketServer } from 'ws';

/** How the test relay behaves. */
export interface TestRelayOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Token probes must present; any token is accepted when absent. */
  token?: string;
  /** Acknowledge every batch as it is stored (default true); false withholds acks until {@link TestRelay.ack}. */
  autoAck?: boolean;
  /**
   * Largest frame accepted (default the protocol's probe limit); a larger one closes the
   * connection with 1009, as the real relay's WebSocket server does. Not announced in `hello.ok`.
   */
  maxFrameBytes?: number;
}

interface ProbeConnection {
  socket: WebSocket;
  probeId?: string;
}

/**
 * A minimal relay built from the shared protocol, for probe tests: it accepts probes, hands them
 * a monitor set, stores results once per `(probeId, seq)` while counting duplicates, and acks on
 * demand. State survives {@link stop}/{@link start}, so a test can take the relay away and back.
 */
export class TestRelay {
  readonly options: TestRelayOptions;
  /** Every result received, duplicates included, in arrival order. */
  readonly received: CheckResult[] = [];
  /** Results stored once each, keyed by `probeId:seq`. */
  readonly stored = new Map<string, CheckResult>();
  /** Results received again after they were stored. */
  duplicates = 0;
  /** Duplicates whose content differed from the stored result: a reused sequence number. */
  conflicts = 0;
  readonly hellos: HelloMessage[] = [];
  readonly healthReports: ProbeHealthMessage[] = [];
  readonly badFrames: WireError[] = [];
  /** Byte size of every frame received after hello. */
  readonly frameSizes: number[] = [];
  /** Connections dropped because a frame was over `maxFrameBytes`. */
  oversizeCloses = 0;
  autoAck: boolean;
  revision = 0;
  readonly #monitors = new Map<string, Monitor>();
  readonly #connections = new Set<ProbeConnection>();
  readonly #pendingRuns = new Map<string, (reply: CheckResultMessage) => void>();
  #server: WebSocketServer | undefined;
  #port: number;
  #runCounter = 0;

  constructor(options: TestRelayOptions = {}) {
    this.options = options;
    this.autoAck = options.autoAck ?? true;
    this.#port = options.port ?? 0;
  }

  get #maxFrameBytes(): number {
    return this.options.maxFrameBytes ?? FRAME_LIMITS.probeToRelay;
  }

  /** Creates and starts a test relay on 127.0.0.1. */
  static async start(options: TestRelayOptions = {}): Promise<TestRelay> {
    const relay = new TestRelay(options);
    await relay.start();
    return relay;
  }

  /** `ws://127.0.0.1:<port>`. */
  get url(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  /** Port the relay listens (or listened) on. */
  get port(): number {
    return this.#port;
  }

  /** Probes connected and past hello. */
  get connectedProbes(): number {
    return [...this.#connections].filter((c) => c.probeId !== undefined).length;
  }

  /** The monitor set the relay assigns. */
  get monitors(): Monitor[] {
    return [...this.#monitors.values()];
  }

  /** Stored results of one monitor, by sequence. */
  resultsOf(monitorId: string): CheckResult[] {
    return [...this.stored.values()].filter((r) => r.monitorId === monitorId).sort((a, b) => a.seq - b.seq);
  }

  /** Sorted sequences stored for a probe. */
  seqsOf(probeId: string): number[] {
    return [...this.stored.values()]
      .filter((r) => r.probeId === probeId)
      .map((r) => r.seq)
      .sort((a, b) => a - b);
  }

  /** Listens (again) on the same port, keeping everything stored. */
  async start(): Promise<void> {
    const server = new WebSocketServer({
      host: '127.0.0.1',
      port: this.#port,
      maxPayload: this.#maxFrameBytes,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    this.#port = (server.address() as AddressInfo).port;
    server.on('connection', (socket) => this.#accept(socket));
    this.#server = server;
  }

  /** Drops every connection and stops listening; stored state is kept. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const connection of this.#connections) connection.socket.terminate();
    this.#connections.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Replaces the monitor set and sends `monitors.full` to every probe. */
  setMonitors(monitors: MonitorInput[]): void {
    this.#monitors.clear();
    for (const input of monitors) {
      const monitor = MonitorSchema.parse(input);
      this.#monitors.set(monitor.id, monitor);
    }
    this.revision++;
    this.#broadcast({ type: 'monitors.full', revision: this.revision, monitors: this.monitors });
  }

  /** Adds or changes monitors and deletes others, sending one `monitors.diff`. */
  changeMonitors(upserted: MonitorInput[], deleted: string[] = []): void {
    const parsed = upserted.map((input) => MonitorSchema.parse(input));
    for (const monitor of parsed) this.#monitors.set(monitor.id, monitor);
    for (const id of deleted) this.#monitors.delete(id);
    const fromRevision = this.revision++;
    this.#broadcast({
      type: 'monitors.diff',
      fromRevision,
      revision: this.revision,
      upserted: parsed,
      deleted,
    });
  }

  /** Acknowledges everything stored for each connected probe. */
  ack(): void {
    for (const connection of this.#connections) {
      if (connection.probeId !== undefined) this.#ackProbe(connection);
    }
  }

  /** Sends a frame as-is to every probe (for bad-frame tests). */
  sendRaw(frame: string): void {
    for (const connection of this.#connections) connection.socket.send(frame);
  }

  /** Asks the connected probe to run a monitor once; resolves with its `check.result`. */
  runCheck(monitor: MonitorInput): Promise<CheckResultMessage> {
    const requestId = `run-${++this.#runCounter}`;
    const reply = new Promise<CheckResultMessage>((resolve) => this.#pendingRuns.set(requestId, resolve));
    this.#broadcast({ type: 'check.run', requestId, monitor: MonitorSchema.parse(monitor) });
    return reply;
  }

  /** Polls until `predicate` holds; fails naming `what` after `timeoutMs`. */
  async waitFor(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`test relay: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  #accept(socket: WebSocket): void {
    const connection: ProbeConnection = { socket };
    this.#connections.add(connection);
    socket.on('close', () => this.#connections.delete(connection));
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.oversizeCloses++;
      socket.terminate();
    });
    socket.on('message', (data) => this.#receive(connection, data as Buffer));
  }

  #receive(connection: ProbeConnection, data: Buffer): void {
    if (connection.probeId !== undefined) this.frameSizes.push(data.length);
    const decoded = decodeMessage(ProbeToRelay, data, { maxBytes: this.#maxFrameBytes });
    if (!decoded.ok) {
      this.badFrames.push(decoded.error);
      this.#send(connection, { type: 'error', code: decoded.error.code, message: decoded.error.message });
      return;
    }
    const message = decoded.value;
    if (message.type === 'hello') {
      if (this.options.token !== undefined && message.token !== this.options.token) {
        this.#send(connection, {
          type: 'error',
          code: 'VANTAGE_ERR_UNAUTHENTICATED',
          message: 'unknown token',
        });
        connection.socket.close(4401, 'unauthenticated');
        return;
      }
      this.hellos.push(message);
      connection.probeId = message.probe?.id;
      this.#send(connection, {
        type: 'hello.ok',
        protocol: PROTOCOL_VERSION,
        relayVersion: 'test',
        sessionId: `test-${this.hellos.length}`,
        serverTime: Date.now(),
      });
      this.#send(connection, { type: 'monitors.full', revision: this.revision, monitors: this.monitors });
      return;
    }
    if (message.type === 'results.batch') {
      for (const result of message.results) {
        this.received.push(result);
        const id = resultId(result);
        const earlier = this.stored.get(id);
        if (earlier === undefined) this.stored.set(id, result);
        else {
          this.duplicates++;
          if (JSON.stringify(earlier) !== JSON.stringify(result)) this.conflicts++;
        }
      }
      if (this.autoAck) this.#ackProbe(connection);
      return;
    }
    if (message.type === 'probe.health') this.healthReports.push(message);
    if (message.type === 'check.result') this.#pendingRuns.get(message.requestId)?.(message);
  }

  #ackProbe(connection: ProbeConnection): void {
    const seqs = this.seqsOf(connection.probeId ?? '');
    const upToSeq = seqs[seqs.length - 1];
    if (upToSeq !== undefined) this.#send(connection, { type: 'results.ack', upToSeq });
  }

  #broadcast(message: RelayToProbeInput): void {
    for (const connection of this.#connections)
      if (connection.probeId !== undefined) this.#send(connection, message);
  }

  #send(connection: ProbeConnection, message: RelayToProbeInput): void {
    if (connection.socket.readyState === WebSocket.OPEN)
      connection.socket.send(encodeMessage<RelayToProbeInput>(message));
  }
}
