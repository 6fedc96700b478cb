import { PROBE_DEFAULTS, type ProbeSettingKey } from './probe-config.js';

/** How one setting is spelled on the command line and in the environment, and what it means. */
export interface ProbeSetting {
  /** Commander flag spec, e.g. `--per-host <n>`. */
  flag: string;
  /** Environment variable carrying the same setting. */
  env: string;
  /** One line of help. */
  help: string;
  /** Whether the flag repeats and the variable is comma-separated. */
  list?: boolean;
}

/**
 * Every probe setting with its flag and variable. `--help`, the environment reader and the
 * error messages all come from this table, so a setting is named the same way everywhere.
 */
export const PROBE_SETTINGS: Record<ProbeSettingKey, ProbeSetting> = {
  relay: {
    flag: '--relay <url>',
    env: 'VANTAGE_RELAY',
    help: 'relay WebSocket URL, ws://host:port or wss://host:port',
  },
  token: {
    flag: '--token <token>',
    env: 'VANTAGE_TOKEN',
    help: 'probe token issued by the relay (never logged)',
  },
  region: {
    flag: '--region <region>',
    env: 'VANTAGE_REGION',
    help: 'region this probe runs checks for, e.g. eu-west',
  },
  name: {
    flag: '--name <name>',
    env: 'VANTAGE_NAME',
    help: 'display name of this probe (default: the host name)',
  },
  probeId: {
    flag: '--probe-id <id>',
    env: 'VANTAGE_PROBE_ID',
    help: 'stable probe id (default: generated once and kept in the data dir)',
  },
  dataDir: {
    flag: '--data-dir <dir>',
    env: 'VANTAGE_DATA_DIR',
    help: 'directory for the result spool and probe id (default: ~/.vantage-probe)',
  },
  concurrency: {
    flag: '--concurrency <n>',
    env: 'VANTAGE_CONCURRENCY',
    help: `checks running at once (default: ${PROBE_DEFAULTS.concurrency})`,
  },
  perHost: {
    flag: '--per-host <n>',
    env: 'VANTAGE_PER_HOST',
    help: `checks running at once against one target host (default: ${PROBE_DEFAULTS.perHost})`,
  },
  metricsPort: {
    flag: '--metrics-port <port>',
    env: 'VANTAGE_METRICS_PORT',
    help: 'serve /healthz and Prometheus /metrics on this port (off when absent; 0 picks a free port)',
  },
  metricsHost: {
    flag: '--metrics-host <ip>',
    env: 'VANTAGE_METRICS_HOST',
    help: `address the metrics server listens on (default: ${PROBE_DEFAULTS.metricsHost})`,
  },
  sourceAddress: {
    flag: '--source-address <ip>',
    env: 'VANTAGE_SOURCE_ADDRESS',
    help: 'local IP every outgoing check binds to (multi-homed hosts)',
  },
  canaries: {
    flag: '--canary <target>',
    env: 'VANTAGE_CANARIES',
    help: 'connectivity canary, URL or host:port; repeat for more (default: the relay host:port)',
    list: true,
  },
  canaryInterval: {
    flag: '--canary-interval <seconds>',
    env: 'VANTAGE_CANARY_INTERVAL',
    help: `seconds between canary rounds (default: ${PROBE_DEFAULTS.canaryInterval})`,
  },
  spoolMaxResults: {
    flag: '--spool-max-results <n>',
    env: 'VANTAGE_SPOOL_MAX_RESULTS',
    help: `unacknowledged results kept on disk before the oldest are dropped (default: ${PROBE_DEFAULTS.spoolMaxResults})`,
  },
  spoolMaxMb: {
    flag: '--spool-max-mb <mb>',
    env: 'VANTAGE_SPOOL_MAX_MB',
    help: `megabytes of spool kept on disk before the oldest are dropped (default: ${PROBE_DEFAULTS.spoolMaxMb})`,
  },
  logLevel: {
    flag: '--log-level <level>',
    env: 'VANTAGE_LOG_LEVEL',
    help: `fatal, error, warn, info, debug, trace or silent (default: ${PROBE_DEFAULTS.logLevel})`,
  },
};

/** Flag and variable of the config file itself, which is not a setting of the schema. */
export const CONFIG_FILE_SETTING: ProbeSetting = {
  flag: '--config <file>',
  env: 'VANTAGE_CONFIG',
  help: 'YAML or JSON file with the same settings in camelCase (relay, token, region, perHost, ...)',
};

/** The long flag of a setting without its argument, e.g. `--per-host`. */
export function flagName(setting: ProbeSetting): string {
  return setting.flag.split(' ')[0] ?? setting.flag;
}
