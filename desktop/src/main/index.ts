import { app, dialog, ipcMain, session } from 'electron';
import { parseDesktopFlags } from '../cli/desktop-flags.js';
import { ErrorCode } from '@vantage/shared';
import { apiError, dispatchCall } from '../contract/index.js';
import { createCoreLogger, createDesktopCore, type DesktopCore } from '../core/app/index.js';
import { type AppTray, createAppTray } from './app-tray.js';
import { AppWindow } from './app-window.js';
import { IPC_CHANNELS } from './ipc-channels.js';
import { OsNotifications } from './os-notifications.js';
import { readShellFlags } from './shell-flags.js';

// The Electron main process: thin glue around the desktop core. Decisions live in the pure
// modules beside it (tally, tray model, icon, flags), which the Node tests cover.

/** Exit codes, as `vantage-desktop` uses them: 1 could not start, 2 a bad flag. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** A reason the app cannot start, shown in a dialog before it exits with `code`. */
class StartFailure extends Error {
  constructor(
    readonly title: string,
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

async function start(): Promise<void> {
  const parsed = parseDesktopFlags(readShellFlags(process.argv), {
    platform: process.platform,
    env: process.env,
    home: app.getPath('home'),
  });
  if (!parsed.ok) throw new StartFailure('Vantage: bad option', parsed.error, EXIT_USAGE);
  const flags = parsed.value;
  const logger = createCoreLogger(flags.logLevel);
  await app.whenReady();
  // The page needs no camera, location or the like; notifications come from this process.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, answer) =>
    answer(permission === 'clipboard-sanitized-write'),
  );

  let core: DesktopCore;
  try {
    core = await createDesktopCore({
      dataDir: flags.dataDir,
      shell: 'electron',
      logger,
      ...(flags.relay ? { relay: flags.relay } : {}),
    });
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    const message = error instanceof Error ? error.message : String(error);
    throw new StartFailure('Vantage could not start', message, EXIT_FAILED);
  }
  const handlers = core.api.handlers;
  const window = new AppWindow();
  const notifications = new OsNotifications((message) => window.open(message));

  ipcMain.handle(IPC_CHANNELS.call, (event, method: unknown, input: unknown) => {
    if (!window.isOwnPage(event))
      return {
        ok: false,
        error: apiError(ErrorCode.forbidden, 'calls are only taken from the app window'),
      };
    return dispatchCall(handlers, String(method), input, (name, error) =>
      logger.error({ err: error, method: name }, 'API handler failed'),
    );
  });

  core.api.onEvent((event) => {
    window.send(event);
    if (event.type === 'notification') notifications.show(event.notification);
  });

  // Quitting stops the core first (the embedded relay and probe flush and close), then quits.
  // Set once the tray exists; a quit may come before that.
  const shell: { tray?: AppTray } = {};
  let shutdown: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (shutdown === 'stopped') return;
    event.preventDefault();
    if (shutdown === 'stopping') return;
    shutdown = 'stopping';
    shell.tray?.destroy();
    notifications.closeAll();
    void core.stop().then(
      () => {
        shutdown = 'stopped';
        app.quit();
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        app.exit(EXIT_FAILED);
      },
    );
  });
  const quit = () => app.quit();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, quit);
  app.on('second-instance', () => window.open());
  app.on('activate', () => window.open());
  // Closing the window keeps monitoring in the tray; Quit (tray, menu, Cmd+Q) ends the app.
  app.on('window-all-closed', () => undefined);

  shell.tray = await createAppTray(core.api, { open: () => window.open(), quit }, (error) =>
    logger.warn({ err: error }, 'tray action failed'),
  );
  // A quit that came while the tray was being made has already run its cleanup.
  if (shutdown !== 'running') shell.tray.destroy();
  window.open();
}

if (app.requestSingleInstanceLock()) {
  void start().catch((error: unknown) => {
    const failure =
      error instanceof StartFailure
        ? error
        : new StartFailure(
            'Vantage could not start',
            error instanceof Error ? error.message : String(error),
            EXIT_FAILED,
          );
    // showErrorBox works before `ready` too, which a bad flag may be.
    dialog.showErrorBox(failure.title, failure.message);
    app.exit(failure.code);
  });
} else {
  // Another Vantage is running: it gets a `second-instance` event and shows its window.
  app.quit();
}
