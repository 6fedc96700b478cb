import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  API_METHODS,
  type ApiEvent,
  type ApiResult,
  dispatchCall,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../contract/index.js';
import { createCoreLogger } from '../core-logger.js';
import type { DesktopCoreOptions } from '../core-options.js';
import { createDesktopCore } from '../create-desktop-core.js';
import type { DesktopCore } from '../desktop-core.js';

/** A desktop core in a temporary data dir, with its log lines and events kept for assertions. */
export interface CoreUnderTest {
  readonly dataDir: string;
  core: DesktopCore;
  /** Every log line written so far, raw JSON. */
  readonly logLines: string[];
  /** Every event received since start (or the last restart). */
  events: ApiEvent[];
  /** Calls a method through the contract's dispatcher (input parsed as every transport does). */
  call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  /** Calls a method and returns its value, checked against the method's output schema; throws on an error answer. */
  value<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Stops the core and starts a new one on the same data dir. */
  restart(options?: Partial<DesktopCoreOptions>): Promise<DesktopCore>;
  /** Stops the core and deletes the data dir. */
  dispose(): Promise<void>;
}

/** Starts a core on a fresh temporary data dir (or `dataDir`). */
export async function startCoreUnderTest(
  options: Partial<DesktopCoreOptions> & { dataDir?: string } = {},
): Promise<CoreUnderTest> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vantage-core-'));
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(
        ...String(chunk)
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  const logger = createCoreLogger('debug', destination);
  const received = { events: [] as ApiEvent[] };
  const start = async (extra: Partial<DesktopCoreOptions>) => {
    const core = await createDesktopCore({ shell: 'web', logger, ...options, ...extra, dataDir });
    core.api.onEvent((event) => received.events.push(event));
    return core;
  };
  const harness: CoreUnderTest = {
    dataDir,
    core: await start({}),
    logLines,
    get events() {
      return received.events;
    },
    set events(events: ApiEvent[]) {
      received.events = events;
    },
    async call(method, input) {
      const result = await dispatchCall(harness.core.api.handlers, method, input ?? {}, (m, error) => {
        throw new Error(`${m} threw: ${String(error)}`, { cause: error });
      });
      return result as never;
    },
    async value(method, input) {
      const result = await harness.call(method, input);
      if (!result.ok) throw new Error(`${method} answered ${result.error.code}: ${result.error.message}`);
      return API_METHODS[method].output.parse(result.value) as never;
    },
    async restart(extra = {}) {
      await harness.core.stop();
      harness.events = [];
      harness.core = await start(extra);
      return harness.core;
    },
    async dispose() {
      await harness.core.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
