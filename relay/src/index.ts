/** @vantage/relay: the always-on hub, runnable as `vantage-relay` or in-process (the desktop embeds it). */
export { API_PREFIX } from './api/register-api.js';
export { DATABASE_FILE, defaultDataDir } from './config/data-dir.js';
export { DESKTOP_TOKEN_FILE, desktopTokenPath } from './config/first-desktop-token.js';
export { loadRelayConfig, parseRelayConfig } from './config/load-relay-config.js';
export {
  RELAY_DEFAULTS,
  type RelayConfig,
  type RelayConfigInput,
  RelayConfigSchema,
  type RelaySettingKey,
} from './config/relay-config.js';
export { RELAY_VERSION } from './config/relay-version.js';
export type { Hub, HubMetrics, IncidentEvent, IncidentListener } from './hub/index.js';
export { createRelayLogger } from './logging/create-logger.js';
export { type RelayDependencies, type RelayHandle, startRelay } from './server.js';
