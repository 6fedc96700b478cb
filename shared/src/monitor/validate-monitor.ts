import { Cron } from 'croner';
import { parseCondition } from '../conditions/parse-condition.js';
import type { FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { zodIssuesToFieldErrors } from '../validation/field-errors.js';
import { expectedStatusCondition } from './effective-conditions.js';
import { MONITOR_DEFAULTS } from './monitor-defaults.js';
import { type Monitor, MonitorSchema } from './monitor-schema.js';

/**
 * Validates a monitor as a user wrote it and fills in every default. On failure it returns every
 * bad field by dotted path with a reason, not just the first one. Checks that span fields:
 * 1. the timeout must fit in the interval (an omitted timeout shrinks to the interval instead);
 * 2. response-time limits: the degraded limit must be below the down limit;
 * 3. the expected HTTP status must be a valid condition value (`200..299`, `[200..299, 304]`);
 * 4. a heartbeat has exactly one of `period` and `cron`; the cron expression and time zone are valid;
 * 5. a monitor cannot be its own parent.
 */
export function validateMonitor(input: unknown): Result<Monitor, FieldError[]> {
  const parsed = MonitorSchema.safeParse(input);
  if (!parsed.success) return err(zodIssuesToFieldErrors(parsed.error.issues));
  const monitor = parsed.data;
  const errors: FieldError[] = [];
  const timeoutGiven = typeof input === 'object' && input !== null && 'timeout' in input;

  if (monitor.timeout > monitor.interval) {
    if (timeoutGiven) {
      errors.push({
        path: 'timeout',
        message: `must not be longer than the interval (${monitor.interval} s)`,
      });
    } else {
      monitor.timeout = Math.min(MONITOR_DEFAULTS.timeoutS, monitor.interval);
    }
  }
  if (
    monitor.degradedAboveMs !== undefined &&
    monitor.downAboveMs !== undefined &&
    monitor.degradedAboveMs >= monitor.downAboveMs
  ) {
    errors.push({
      path: 'degradedAboveMs',
      message: `must be below downAboveMs (${monitor.downAboveMs} ms)`,
    });
  }
  if (monitor.parent === monitor.id)
    errors.push({ path: 'parent', message: 'a monitor cannot depend on itself' });
  if (monitor.type === 'http') {
    const status = parseCondition(expectedStatusCondition(monitor.expectedStatus));
    if (!status.ok) {
      errors.push({
        path: 'expectedStatus',
        message: `"${monitor.expectedStatus}" is not a status, range or list (e.g. 200, 200..299 or [200..299, 304])`,
      });
    }
  }
  if (monitor.type === 'heartbeat') errors.push(...heartbeatErrors(monitor));
  return errors.length > 0 ? err(errors) : ok(Object.freeze(monitor) as Monitor);
}

function heartbeatErrors(monitor: Extract<Monitor, { type: 'heartbeat' }>): FieldError[] {
  const errors: FieldError[] = [];
  if ((monitor.period === undefined) === (monitor.cron === undefined)) {
    errors.push({ path: 'period', message: 'set exactly one of period and cron' });
  }
  if (!isTimeZone(monitor.timezone)) {
    errors.push({
      path: 'timezone',
      message: `"${monitor.timezone}" is not an IANA time zone (e.g. Europe/Berlin)`,
    });
  }
  if (monitor.cron !== undefined) {
    try {
      new Cron(monitor.cron, {
        paused: true,
        timezone: isTimeZone(monitor.timezone) ? monitor.timezone : 'UTC',
      });
    } catch (error) {
      errors.push({ path: 'cron', message: `is not a valid cron expression: ${(error as Error).message}` });
    }
  }
  return errors;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
