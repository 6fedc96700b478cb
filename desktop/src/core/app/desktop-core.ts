import type { Logger } from 'pino';
import type { ApiProvider, AppInfoView } from '../../contract/index.js';

/** The desktop core as a shell (Electron main, headless web mode) holds it. */
export interface DesktopCore {
  /** The API the renderer calls (IPC or WebSocket/HTTP) and the live event stream. */
  readonly api: ApiProvider;
  /** Facts about the running app, as `app.info` answers them now (the embedded relay's address changes with the settings). */
  readonly info: AppInfoView;
  /** The stable id this desktop presents to relays. */
  readonly desktopId: string;
  /** The core's root logger, for the shell's own lines (same redaction). */
  readonly logger: Logger;
  /** Stops the relay link, the embedded relay and probe, and closes the store. Idempotent. */
  stop(): Promise<void>;
}
