import { type MaintenanceWindow, maintenanceActive, maintenanceCovers } from '@vantage/shared';
import type { Logger } from 'pino';
import type { MaintenanceCalendar } from './maintenance-calendar.js';

/** A monitor as maintenance sees it. */
export interface MaintenanceSubject {
  id: string;
  tags: readonly string[];
}

/** The monitors in maintenance at `at`. */
export function monitorsInMaintenance(
  windows: readonly MaintenanceWindow[],
  monitors: readonly MaintenanceSubject[],
  at: number,
): Set<string> {
  const active = windows.filter((w) => maintenanceActive(w, at));
  return new Set(monitors.filter((m) => active.some((w) => maintenanceCovers(w, m))).map((m) => m.id));
}

/** What the scheduler needs. */
export interface MaintenanceSchedulerDeps {
  windows(): readonly MaintenanceWindow[];
  monitors(): readonly MaintenanceSubject[];
  /** Tells the evaluator (Hub.setMaintenance). */
  apply(monitorId: string, active: boolean): void;
  now(): number;
  log: Logger;
  /** How often windows are re-checked (default 10 s); a window starts or ends within this. */
  checkMs: number;
  /** Kept up to date with each check, for marking results by when they were taken. */
  calendar?: MaintenanceCalendar;
}

/**
 * Feeds maintenance windows to the evaluator: every `checkMs` (and at once after a window
 * changes) it works out which monitors are covered and reports each that entered or left, so
 * they show `maintenance`, open no incident and page nobody. The first check reports every
 * monitor, which also clears a flag a deleted window left in the restored evaluator.
 */
export class MaintenanceScheduler {
  #current: Set<string> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: MaintenanceSchedulerDeps) {}

  /** Checks now and then every `checkMs`. */
  start(): void {
    this.check();
    this.#timer = setInterval(() => this.check(), this.deps.checkMs);
    this.#timer.unref();
  }

  /** Re-checks now (after a window or a monitor changed). */
  check(): void {
    try {
      const [windows, monitors, now] = [this.deps.windows(), this.deps.monitors(), this.deps.now()];
      this.deps.calendar?.refresh(windows, monitors, now);
      const next = monitorsInMaintenance(windows, monitors, now);
      for (const { id } of monitors) {
        const was = this.#current?.has(id);
        const is = next.has(id);
        if (was === is) continue;
        this.deps.apply(id, is);
        if (was !== undefined || is)
          this.deps.log.info({ monitorId: id, active: is }, 'maintenance window changed');
      }
      this.#current = next;
    } catch (error) {
      this.deps.log.error({ err: error }, 'maintenance check failed');
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
