/** @vantage/probe: the regional probe daemon, runnable as `vantage-probe` or in-process. */

export { loadProbeConfig } from './config/load-config.js';
export {
  PROBE_DEFAULTS,
  type ProbeConfig,
  type ProbeConfigInput,
  ProbeConfigSchema,
} from './config/probe-config.js';
export { type ProbeDependencies, type ProbeHandle, startProbe } from './daemon/start-probe.js';
export { SPOOL_DEFAULTS } from './spool/result-spool.js';
export { PROBE_VERSION } from './version.js';
