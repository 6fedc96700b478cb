import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RELAY_CLI = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const PROBE_CLI = fileURLToPath(new URL('../../../probe/src/cli/main.ts', import.meta.url));
const PROBE_TSCONFIG = fileURLToPath(new URL('../../../probe/tsconfig.json', import.meta.url));

/** A child process run from TypeScript sources with tsx, its output collected. */
export interface ChildRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code or signal name. */
  exited: Promise<number | string>;
  /** Sends a signal (SIGKILL for a crash) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

function run(args: string[], env: Record<string, string> = {}): ChildRun {
  // `@vantage/source` makes @vantage/shared resolve to its TypeScript sources: no build needed.
  const child = spawn(process.execPath, ['--conditions=@vantage/source', '--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A relay child process. */
export interface RelayProcess extends ChildRun {
  port: number;
  url: string;
}

/**
 * Starts `vantage-relay` (its CLI, from source) on 127.0.0.1:`port` (0 picks one) with its data in
 * `dataDir`, and waits for its `relay listening` log line.
 */
export async function spawnRelay(dataDir: string, port = 0, extra: string[] = []): Promise<RelayProcess> {
  const relay = run([
    RELAY_CLI,
    ...[
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--log-level',
      'info',
      ...extra,
    ],
  ]);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const line = relay
      .stdout()
      .split('\n')
      .find((l) => l.includes('"relay listening"'));
    if (line !== undefined) {
      const listening = new URL((JSON.parse(line) as { url: string }).url);
      return { ...relay, port: Number(listening.port), url: `ws://127.0.0.1:${listening.port}/ws` };
    }
    if (relay.child.exitCode !== null || Date.now() > deadline) {
      await relay.kill('SIGKILL');
      throw new Error(`relay process did not start:\n${relay.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts a `vantage-probe` child process with these flags. */
export function spawnProbe(args: string[]): ChildRun {
  return run([PROBE_CLI, ...args], { TSX_TSCONFIG_PATH: PROBE_TSCONFIG });
}
