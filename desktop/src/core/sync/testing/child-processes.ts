import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../../../../', import.meta.url);
const RELAY_CLI = fileURLToPath(new URL('relay/src/cli/main.ts', ROOT));
const PROBE_CLI = fileURLToPath(new URL('probe/src/cli/main.ts', ROOT));
const PROBE_TSCONFIG = fileURLToPath(new URL('probe/tsconfig.json', ROOT));

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

/** Runs a TypeScript file with tsx; `@vantage/source` resolves the workspace packages to their sources. */
export function runTs(script: string, args: string[], env: Record<string, string> = {}): ChildRun {
  const child = spawn(
    process.execPath,
    ['--conditions=@vantage/source', '--import', 'tsx', script, ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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

/** A `vantage-relay` process. */
export interface RelayProcess extends ChildRun {
  /** `http://127.0.0.1:<port>` */
  url: string;
}

/** Starts `vantage-relay` on 127.0.0.1 with a free port and its data in `dataDir`; waits for it to listen. */
export async function spawnRelayProcess(dataDir: string): Promise<RelayProcess> {
  const relay = runTs(RELAY_CLI, [
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--log-level',
    'info',
  ]);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const line = relay
      .stdout()
      .split('\n')
      .find((l) => l.includes('"relay listening"'));
    if (line !== undefined) return { ...relay, url: (JSON.parse(line) as { url: string }).url };
    if (relay.child.exitCode !== null || Date.now() > deadline) {
      await relay.kill('SIGKILL');
      throw new Error(`the relay process did not start:\n${relay.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Creates a token with `vantage-relay token create`, as an operator would; returns it. */
export async function createRelayToken(dataDir: string, name: string, region?: string): Promise<string> {
  const role = region === undefined ? ['--role', 'desktop'] : ['--role', 'probe', '--region', region];
  const run = runTs(RELAY_CLI, ['token', 'create', ...role, '--name', name, '--data-dir', dataDir]);
  const code = await run.exited;
  if (code !== 0) throw new Error(`token create failed (${code}):\n${run.stderr()}`);
  return run.stdout().trim();
}

/** Starts a `vantage-probe` process with these flags. */
export function spawnProbeProcess(args: string[]): ChildRun {
  return runTs(PROBE_CLI, args, { TSX_TSCONFIG_PATH: PROBE_TSCONFIG });
}
