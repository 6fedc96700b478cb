import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, type IpcMainInvokeEvent, shell } from 'electron';
import type { ApiEvent } from '../contract/index.js';
import { IPC_CHANNELS } from './ipc-channels.js';
import type { NavigateMessage } from './navigate-message.js';

/**
 * The one app window: created on demand (the app lives in the tray when it is closed), locked
 * down (context isolation, sandbox, no Node, no navigation away from the app, external links in
 * the browser), loading electron-vite's `out/renderer` with `out/preload/index.cjs`.
 */
export class AppWindow {
  #window: BrowserWindow | null = null;
  readonly #rendererIndex = join(app.getAppPath(), 'out', 'renderer', 'index.html');
  readonly #preload = join(app.getAppPath(), 'out', 'preload', 'index.cjs');

  /** Shows the window (creating it if needed) and, if given, asks the page to open a monitor. */
  open(message: NavigateMessage | null = null): void {
    const window = this.#window ?? this.#create();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (message === null) return;
    const contents = window.webContents;
    if (contents.isLoading())
      contents.once('did-finish-load', () => contents.send(IPC_CHANNELS.navigate, message));
    else contents.send(IPC_CHANNELS.navigate, message);
  }

  /** Forwards a live event to the page, if the window exists. */
  send(event: ApiEvent): void {
    const contents = this.#window?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.event, event);
  }

  /** Whether an IPC call comes from this window's own page (not another frame or window). */
  isOwnPage(event: IpcMainInvokeEvent): boolean {
    return (
      this.#window !== null &&
      event.sender === this.#window.webContents &&
      event.senderFrame === event.sender.mainFrame
    );
  }

  #create(): BrowserWindow {
    const window = new BrowserWindow({
      width: 1280,
      height: 820,
      minWidth: 880,
      minHeight: 560,
      show: false,
      title: 'Vantage',
      webPreferences: {
        preload: this.#preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
    const appUrl = pathToFileURL(this.#rendererIndex).href;
    window.webContents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    window.webContents.on('will-navigate', (event, url) => {
      if (url.split('#')[0] !== appUrl) event.preventDefault();
    });
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      this.#window = null;
    });
    void window.loadFile(this.#rendererIndex);
    this.#window = window;
    return window;
  }
}
