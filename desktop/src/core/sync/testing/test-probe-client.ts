import {
  type CheckResult,
  decodeMessage,
  encodeMessage,
  FRAME_LIMITS,
  MAX_RESULTS_PER_BATCH,
  PROTOCOL_VERSION,
  type ProbeToRelayInput,
  RelayToProbe,
} from '@vantage/shared';
import WebSocket from 'ws';

/**
 * A probe for tests that speaks the real probe protocol with a probe token, without scheduling
 * checks: the test decides what results it reports (thousands at once, failures on demand).
 */
export class TestProbeClient {
  #acked = 0;
  #seq = 0;
  #wake: Array<() => void> = [];

  private constructor(
    private readonly socket: WebSocket,
    readonly probeId: string,
    readonly region: string,
  ) {
    socket.on('message', (data: Buffer) => {
      const decoded = decodeMessage(RelayToProbe, data.toString(), { maxBytes: FRAME_LIMITS.relayToProbe });
      if (decoded.ok && decoded.value.type === 'results.ack') this.#acked = decoded.value.upToSeq;
      for (const wake of this.#wake.splice(0)) wake();
    });
    socket.on('close', () => {
      for (const wake of this.#wake.splice(0)) wake();
    });
    socket.on('error', () => {});
  }

  /** Connects and says hello as probe `probeId` of `region`; resolves after `hello.ok`. */
  static async connect(
    wsUrl: string,
    token: string,
    region: string,
    probeId = `probe-${region}`,
  ): Promise<TestProbeClient> {
    const socket = new WebSocket(wsUrl);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const hello: ProbeToRelayInput = {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      role: 'probe',
      token,
      probe: {
        id: probeId,
        name: probeId,
        region,
        version: '0.0.0-test',
        capabilities: ['http', 'tcp', 'dns', 'tls'],
      },
    };
    const client = new TestProbeClient(socket, probeId, region);
    const ok = new Promise<void>((resolve, reject) => {
      socket.once('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString()) as { type: string; message?: string };
        if (frame.type === 'hello.ok') resolve();
        else reject(new Error(`probe hello refused: ${frame.message ?? frame.type}`));
      });
    });
    socket.send(encodeMessage(hello));
    await ok;
    return client;
  }

  /** The next results of a monitor, one every `stepMs` from `from`, numbered after those already sent. */
  results(
    monitorId: string,
    count: number,
    options: { from?: number; stepMs?: number; state?: CheckResult['state'] } = {},
  ): CheckResult[] {
    const from = options.from ?? Date.now();
    const state = options.state ?? 'up';
    return Array.from({ length: count }, (_, i) => {
      const result: CheckResult = {
        probeId: this.probeId,
        seq: ++this.#seq,
        monitorId,
        region: this.region,
        ts: from + i * (options.stepMs ?? 1000),
        state,
        latencyMs: 10 + ((i * 37) % 200),
        message: state === 'down' ? 'status was 503, expected 200..299' : '',
        attempts: 1,
        probeHealthy: true,
      };
      if (state !== 'down') result.statusCode = 200;
      return result;
    });
  }

  /** Sends results in batches and waits until the relay acknowledged the last one (it is then in the log). */
  async report(results: readonly CheckResult[], timeoutMs = 30_000): Promise<void> {
    for (let i = 0; i < results.length; i += MAX_RESULTS_PER_BATCH) {
      const batch = results.slice(i, i + MAX_RESULTS_PER_BATCH);
      this.socket.send(encodeMessage<ProbeToRelayInput>({ type: 'results.batch', results: batch }));
    }
    const last = results.at(-1)?.seq ?? 0;
    const deadline = Date.now() + timeoutMs;
    while (this.#acked < last) {
      if (this.socket.readyState !== WebSocket.OPEN) throw new Error('the relay closed the probe connection');
      if (Date.now() > deadline) throw new Error(`the relay acknowledged up to ${this.#acked}, not ${last}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.#wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((resolve) => this.socket.once('close', resolve));
    this.socket.close();
    await closed;
  }
}
