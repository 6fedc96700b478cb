import type Database from 'better-sqlite3';

/**
 * A monitor's open degraded spell as alerting tracks it. Degraded, then down, then recovered is
 * one story: a down incident that follows takes the story's id and its recovery channels, and a
 * return from down to degraded continues the incident's story here.
 */
export interface DegradedStory {
  /** The id every notice of the story carries as `storyId` (PagerDuty's dedup key). */
  storyId: string;
  /** When the story began (the degraded change, or the incident it continues). */
  openedAt: number;
  /** Channels told the monitor is degraded. */
  notified: string[];
  /** Channels that get the recovery once the monitor is up again. */
  resolveTo: string[];
}

/** The `alert_stories` table: at most one open degraded story per monitor. */
export class DegradedStories {
  readonly #get: Database.Statement<[string], { data: string }>;
  readonly #put: Database.Statement<[string, string]>;
  readonly #delete: Database.Statement<[string]>;
  readonly #all: Database.Statement<[], { monitor_id: string; data: string }>;

  constructor(db: Database.Database) {
    this.#get = db.prepare('SELECT data FROM alert_stories WHERE monitor_id = ?');
    this.#put = db.prepare(
      `INSERT INTO alert_stories (monitor_id, data) VALUES (?, ?)
       ON CONFLICT (monitor_id) DO UPDATE SET data = excluded.data`,
    );
    this.#delete = db.prepare('DELETE FROM alert_stories WHERE monitor_id = ?');
    this.#all = db.prepare('SELECT monitor_id, data FROM alert_stories');
  }

  /** The monitor's open story, if any. */
  get(monitorId: string): DegradedStory | undefined {
    const row = this.#get.get(monitorId);
    return row === undefined ? undefined : (JSON.parse(row.data) as DegradedStory);
  }

  /** Opens or replaces the monitor's story. */
  put(monitorId: string, story: DegradedStory): void {
    this.#put.run(monitorId, JSON.stringify(story));
  }

  /** Closes the monitor's story. */
  delete(monitorId: string): void {
    this.#delete.run(monitorId);
  }

  /** Every open story with its monitor. */
  all(): Array<{ monitorId: string; story: DegradedStory }> {
    return this.#all
      .all()
      .map((row) => ({ monitorId: row.monitor_id, story: JSON.parse(row.data) as DegradedStory }));
  }
}
