import type { ConfigSetting } from './layered-config.js';
import { RELAY_DEFAULTS, type RelaySettingKey } from './relay-config.js';

/**
 * Every relay setting with its flag and variable. `--help`, the environment reader and the error
 * messages all come from this table, so a setting is named the same way everywhere.
 */
export const RELAY_SETTINGS: Record<RelaySettingKey, ConfigSetting> = {
  host: {
    flag: '--host <address>',
    env: 'VANTAGE_HOST',
    help: `address to listen on; 0.0.0.0 or :: accepts other machines (default: ${RELAY_DEFAULTS.host})`,
  },
  port: {
    flag: '--port <port>',
    env: 'VANTAGE_PORT',
    help: `TCP port for WebSocket, REST API, /healthz and /metrics; 0 picks a free one (default: ${RELAY_DEFAULTS.port})`,
  },
  dataDir: {
    flag: '--data-dir <dir>',
    env: 'VANTAGE_DATA_DIR',
    help: 'directory for the database and the first desktop token (default: $XDG_DATA_HOME/vantage-relay, else ~/.local/share/vantage-relay)',
  },
  retentionDays: {
    flag: '--retention-days <days>',
    env: 'VANTAGE_RETENTION_DAYS',
    help: `days raw results are kept; daily aggregates are kept for a year regardless (default: ${RELAY_DEFAULTS.retentionDays})`,
  },
  logLevel: {
    flag: '--log-level <level>',
    env: 'VANTAGE_LOG_LEVEL',
    help: `fatal, error, warn, info, debug, trace or silent (default: ${RELAY_DEFAULTS.logLevel})`,
  },
  maxFrameBytes: {
    flag: '--max-frame-bytes <bytes>',
    env: 'VANTAGE_MAX_FRAME_BYTES',
    help: `largest WebSocket frame accepted (default: ${RELAY_DEFAULTS.maxFrameBytes})`,
  },
  messagesPerSecond: {
    flag: '--messages-per-second <n>',
    env: 'VANTAGE_MESSAGES_PER_SECOND',
    help: `average messages (or API requests) per second allowed per connection and per token (default: ${RELAY_DEFAULTS.messagesPerSecond})`,
  },
  messageBurst: {
    flag: '--message-burst <n>',
    env: 'VANTAGE_MESSAGE_BURST',
    help: `messages allowed in a burst above that average (default: ${RELAY_DEFAULTS.messageBurst})`,
  },
  maxViolations: {
    flag: '--max-violations <n>',
    env: 'VANTAGE_MAX_VIOLATIONS',
    help: `invalid frames in a row before a connection is closed (default: ${RELAY_DEFAULTS.maxViolations})`,
  },
  desktopQueueLimit: {
    flag: '--desktop-queue-limit <n>',
    env: 'VANTAGE_DESKTOP_QUEUE_LIMIT',
    help: `live results queued for a slow desktop before it catches up from its cursor (default: ${RELAY_DEFAULTS.desktopQueueLimit})`,
  },
  publicUrl: {
    flag: '--public-url <url>',
    env: 'VANTAGE_PUBLIC_URL',
    help: 'address the relay is reached at from outside (e.g. https://status.example.com); used in alert links, heartbeat URLs and status page addresses (default: the listening address)',
  },
  trustProxy: {
    flag: '--trust-proxy [bool]',
    env: 'VANTAGE_TRUST_PROXY',
    help: `believe X-Forwarded-For/-Proto from a reverse proxy in front of the relay, so rate limits see the client's address (default: ${RELAY_DEFAULTS.trustProxy})`,
  },
};

/** Flag and variable of the config file itself, which is not a setting of the schema. */
export const CONFIG_FILE_SETTING: ConfigSetting = {
  flag: '--config <file>',
  env: 'VANTAGE_CONFIG',
  help: 'YAML or JSON file with the same settings in camelCase (host, port, dataDir, retentionDays, ...)',
};
