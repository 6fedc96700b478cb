import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../vantage-desktop.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));

/** A `vantage-desktop` child process run from source with tsx, its output collected (for tests). */
export interface DesktopProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the process ended. */
  exited: Promise<number | string>;
  /** Polls stdout until `pattern` matches and returns the match; fails naming `what` after `timeoutMs`. */
  waitForOutput(pattern: RegExp, what: string, timeoutMs?: number): Promise<RegExpExecArray>;
}

/** Spawns the CLI with these arguments and extra environment variables. */
export function spawnDesktop(args: string[], env: Record<string, string> = {}): DesktopProcess {
  // Workspace packages resolve to their sources (the `@vantage/source` condition, and the desktop
  // tsconfig's path for shared), so the test never runs a stale build.
  const child = spawn(process.execPath, ['--conditions=@vantage/source', '--import', 'tsx', CLI, ...args], {
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
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitForOutput(pattern, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(out);
        if (match) return match;
        if (child.exitCode !== null)
          throw new Error(`vantage-desktop exited (${child.exitCode}) before ${what}\n${err}`);
        if (Date.now() > deadline) throw new Error(`vantage-desktop: timed out waiting for ${what}\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
