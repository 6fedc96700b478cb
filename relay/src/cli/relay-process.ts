import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

/** A `vantage-relay` child process run from source with tsx, its output collected (for tests). */
export interface RelayProcess {
  child: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Parsed JSON log lines so far. */
  logs(): Record<string, unknown>[];
  /** Resolves with the exit code (or the signal name) once the process ended. */
  exited: Promise<number | string>;
  /** Polls the logs until one matches and returns it; fails naming `what` after `timeoutMs`. */
  waitForLog(
    predicate: (line: Record<string, unknown>) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
}

/** Spawns the CLI with these arguments and extra environment variables. */
export function spawnRelay(args: string[], env: Record<string, string> = {}): RelayProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    // The relay's tsconfig maps @vantage/shared to its sources, so no build is needed.
    env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG, ...env },
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
  const logs = () =>
    out
      .split('\n')
      .slice(0, -1) // the last piece is a line still being written
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs,
    exited,
    async waitForLog(predicate, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = logs().find(predicate);
        if (line) return line;
        if (Date.now() > deadline) throw new Error(`relay process: timed out waiting for ${what}\n${err}`);
        if (child.exitCode !== null)
          throw new Error(`relay process exited (${child.exitCode}) before ${what}\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
