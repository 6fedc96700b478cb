import type { Monitor, MonitorsDiffMessage, MonitorsFullMessage } from '@vantage/shared';
import type { Logger } from 'pino';

/** Where assignments go: the scheduler's add/change/remove operations. */
export interface AssignmentTarget {
  replaceAll(monitors: readonly Monitor[]): void;
  upsert(monitor: Monitor): void;
  remove(monitorId: string): void;
}

/**
 * The monitors assigned to this probe and their revision. A full set replaces everything; a diff
 * applies only on top of the revision it was made from, so a missed diff is never papered over.
 */
export class MonitorAssignments {
  readonly #target: AssignmentTarget;
  readonly #supported: ReadonlySet<string>;
  readonly #log: Logger;
  #revision: number | undefined;

  constructor(target: AssignmentTarget, supported: readonly string[], logger: Logger) {
    this.#target = target;
    this.#supported = new Set(supported);
    this.#log = logger;
  }

  /** Revision of the set applied last; undefined before the first `monitors.full`. */
  get revision(): number | undefined {
    return this.#revision;
  }

  /** Replaces the whole assignment. */
  applyFull(message: MonitorsFullMessage): void {
    this.#target.replaceAll(message.monitors.filter((monitor) => this.#runnable(monitor)));
    this.#revision = message.revision;
    this.#log.info({ revision: message.revision, monitors: message.monitors.length }, 'monitor set replaced');
  }

  /** Applies a diff; returns false (and changes nothing) when it does not follow the current revision. */
  applyDiff(message: MonitorsDiffMessage): boolean {
    if (message.fromRevision !== this.#revision) {
      this.#log.warn(
        { revision: this.#revision, fromRevision: message.fromRevision },
        'monitor diff does not follow the current revision; ignored',
      );
      return false;
    }
    for (const id of message.deleted) this.#target.remove(id);
    for (const monitor of message.upserted) {
      if (this.#runnable(monitor)) this.#target.upsert(monitor);
      else this.#target.remove(monitor.id);
    }
    this.#revision = message.revision;
    this.#log.info(
      { revision: message.revision, upserted: message.upserted.length, deleted: message.deleted.length },
      'monitor diff applied',
    );
    return true;
  }

  #runnable(monitor: Monitor): boolean {
    if (this.#supported.has(monitor.type)) return true;
    this.#log.warn(
      { monitorId: monitor.id, type: monitor.type },
      'assigned a monitor type this probe cannot run; skipped',
    );
    return false;
  }
}
