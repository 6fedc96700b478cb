import {
  ErrorCode,
  err,
  formatFieldErrors,
  type Monitor,
  ok,
  type Result,
  validateMonitor,
  type WireError,
} from '@vantage/shared';
import type { AssignmentFanout } from '../fanout/assignment-fanout.js';
import type { MonitorStore } from '../storage/relay-storage.js';

/** Who asked for a change: the session (not told of its own change) and an optimistic-lock revision. */
export interface ChangeOptions {
  /** Fails with `revisionConflict` unless the set is still at this revision. */
  baseRevision?: number;
  originSessionId?: string;
}

/** A monitor as stored and the set's revision after the change. */
export interface SavedMonitor {
  monitor: Monitor;
  revision: number;
  /** True when no monitor with this id existed before. */
  created: boolean;
}

/**
 * The desired monitor set, for WebSocket desktops and the REST API alike: every change is
 * validated with the shared model, bumps the revision, and is fanned out (to probes by region,
 * to evaluation, and to desktops as `event.monitors`). Failures are values with a stable code:
 * `invalidMonitor` naming every bad field, `notFound`, `revisionConflict`.
 */
export interface MonitorService {
  /** Validates a monitor as a user wrote it, filling defaults; fails with `invalidMonitor`. */
  validate(input: unknown): Result<Monitor, WireError>;
  list(): { revision: number; monitors: Monitor[] };
  get(id: string): Monitor | null;
  upsert(input: unknown, options?: ChangeOptions): Result<SavedMonitor, WireError>;
  delete(id: string, options?: ChangeOptions): Result<{ revision: number }, WireError>;
  pause(id: string, paused: boolean, options?: ChangeOptions): Result<SavedMonitor, WireError>;
}

/** The monitor service over a store and a fan-out. */
export function createMonitorService(
  store: MonitorStore,
  fanout: AssignmentFanout,
  now: () => number,
): MonitorService {
  function conflict(options: ChangeOptions | undefined): WireError | null {
    const base = options?.baseRevision;
    if (base === undefined || base === store.revision()) return null;
    return {
      code: ErrorCode.revisionConflict,
      message: `the monitor set is at revision ${store.revision()}, not ${base}; reload and try again`,
      details: [{ path: 'baseRevision', message: `must be ${store.revision()}` }],
    };
  }

  function notFound(id: string): WireError {
    return {
      code: ErrorCode.notFound,
      message: `no monitor with id ${JSON.stringify(id)}`,
      details: [{ path: 'monitorId', message: 'does not exist' }],
    };
  }

  function save(monitor: Monitor, options: ChangeOptions | undefined): SavedMonitor {
    const existing = store.get(monitor.id);
    // Saving what is already stored changes nothing: no revision, no fan-out (idempotent PUTs).
    if (existing !== null && JSON.stringify(existing) === JSON.stringify(monitor)) {
      return { monitor: existing, revision: store.revision(), created: false };
    }
    const fromRevision = store.revision();
    const revision = store.upsert(monitor, now());
    fanout.publish({ fromRevision, revision, upserted: [monitor], deleted: [], ...origin(options) });
    return { monitor, revision, created: existing === null };
  }

  function validate(input: unknown): Result<Monitor, WireError> {
    const validated = validateMonitor(input);
    if (validated.ok) return validated;
    return err({
      code: ErrorCode.invalidMonitor,
      message: `invalid monitor: ${formatFieldErrors(validated.error, 5)}`,
      details: validated.error,
    });
  }

  return {
    validate,
    list: () => ({ revision: store.revision(), monitors: store.list() }),
    get: (id) => store.get(id),
    upsert(input, options) {
      const validated = validate(input);
      if (!validated.ok) return validated;
      const clash = conflict(options);
      if (clash) return err(clash);
      return ok(save(validated.value, options));
    },
    delete(id, options) {
      const clash = conflict(options);
      if (clash) return err(clash);
      const fromRevision = store.revision();
      const revision = store.delete(id, now());
      if (revision === null) return err(notFound(id));
      fanout.publish({ fromRevision, revision, upserted: [], deleted: [id], ...origin(options) });
      return ok({ revision });
    },
    pause(id, paused, options) {
      const clash = conflict(options);
      if (clash) return err(clash);
      const existing = store.get(id);
      if (existing === null) return err(notFound(id));
      return ok(save(Object.freeze({ ...existing, paused }) as Monitor, options));
    },
  };
}

function origin(options: ChangeOptions | undefined): { originSessionId?: string } {
  return options?.originSessionId === undefined ? {} : { originSessionId: options.originSessionId };
}
