/** The desktop core: what the Electron main process and the headless web mode both run. */
export { createCoreLogger, CORE_REDACT_PATHS, type Logger } from './core-logger.js';
export { type DesktopCoreOptions, RelayOverride } from './core-options.js';
export { createDesktopCore, DATABASE_FILE } from './create-desktop-core.js';
export type { DesktopCore } from './desktop-core.js';
export { DESKTOP_VERSION } from './desktop-version.js';
export { LOCAL_REGION } from './embedded-relay.js';
export { decideIncidentNotification, STALE_CHANGE_MS } from './notification-policy.js';
