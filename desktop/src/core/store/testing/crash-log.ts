import type { ResultLogShape } from './result-fixtures.js';

/** The relay the crash test's log comes from. */
export const CRASH_RELAY = 'ws://127.0.0.1:1/ws';

/** The crash test's log: 20 monitors × 3 regions every minute, from a fixed day, one monitor in maintenance for a while. */
export const CRASH_LOG_SHAPE: Omit<ResultLogShape, 'count'> = {
  monitors: 20,
  regions: ['eu-west', 'us-east', 'ap-south'],
  intervalMs: 60_000,
  from: Date.UTC(2025, 4, 1, 23, 0, 0),
  maintenanceRounds: [20, 80],
};
