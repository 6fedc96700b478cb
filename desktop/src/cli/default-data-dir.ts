import { posix, win32 } from 'node:path';

/** What the per-user data folder depends on: the OS, the environment and the home folder. */
export interface DataDirContext {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

/**
 * Where Vantage keeps its data when no `--data-dir` is given, the one rule both shells (Electron
 * and headless) use, so they open the same store:
 * - Linux and other Unixes: `$XDG_DATA_HOME/vantage-desktop`, else `~/.local/share/vantage-desktop`
 *   (a relative `XDG_DATA_HOME` is ignored, as the XDG spec says);
 * - macOS: `~/Library/Application Support/Vantage`;
 * - Windows: `%APPDATA%\Vantage`, else `<home>\AppData\Roaming\Vantage`.
 */
export function defaultDataDir({ platform, env, home }: DataDirContext): string {
  if (platform === 'win32')
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Vantage');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Vantage');
  const xdg = env.XDG_DATA_HOME;
  const dataHome = xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share');
  return posix.join(dataHome, 'vantage-desktop');
}
