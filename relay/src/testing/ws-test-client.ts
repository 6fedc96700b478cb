import { type DesktopToRelayInput, PROTOCOL_VERSION, type ProbeToRelayInput } from '@vantage/shared';
import WebSocket from 'ws';

/** Any frame a test may receive, parsed loosely (tests assert on it). */
export type Frame = { type: string; [key: string]: unknown };

/** A WebSocket client for tests: records every frame and waits for the ones it needs. */
export class TestClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => {
      socket.once('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.#waiters.splice(0)) wake();
      });
    });
    socket.on('error', () => {});
  }

  /** Opens a connection to `url`. */
  static async connect(url: string): Promise<TestClient> {
    const socket = new WebSocket(url, { maxPayload: 256 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new TestClient(socket);
  }

  /** Connects and says hello as a desktop; resolves after `hello.ok`. */
  static async desktop(url: string, token: string, id = 'laptop'): Promise<TestClient> {
    const client = await TestClient.connect(url);
    client.send({
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      role: 'desktop',
      token,
      desktop: { id, name: id, version: '0.0.0-test' },
    });
    await client.next((f) => f.type === 'hello.ok', 'hello.ok');
    return client;
  }

  /** Connects and says hello as a probe; resolves after `hello.ok`. */
  static async probe(
    url: string,
    token: string,
    region: string,
    id = `probe-${region}`,
  ): Promise<TestClient> {
    const client = await TestClient.connect(url);
    client.send({
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      role: 'probe',
      token,
      probe: { id, name: id, region, version: '0.0.0-test', capabilities: ['http', 'tcp', 'dns', 'tls'] },
    });
    await client.next((f) => f.type === 'hello.ok', 'hello.ok');
    return client;
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends a frame as JSON. */
  send(frame: DesktopToRelayInput | ProbeToRelayInput): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** Sends raw text or bytes. */
  sendRaw(data: string | Buffer, binary = false): void {
    this.socket.send(data, { binary });
  }

  /** Sends a request and waits for the frame answering its `requestId`. */
  async request(frame: DesktopToRelayInput & { requestId: string }, timeoutMs = 10_000): Promise<Frame> {
    const from = this.frames.length;
    this.send(frame);
    return this.next((f) => f.requestId === frame.requestId, `reply to ${frame.type}`, timeoutMs, from);
  }

  /** The first frame from index `from` on that matches, waiting for it up to `timeoutMs`. */
  async next(match: (f: Frame) => boolean, what: string, timeoutMs = 10_000, from = 0): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found !== undefined) return found;
      if (this.socket.readyState === WebSocket.CLOSED)
        throw new Error(`connection closed while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for ${what}; got ${this.frames.map((f) => f.type).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Closes the connection and waits for it to end. */
  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    await this.closed;
  }
}
