import type Database from 'better-sqlite3';

/** A relay whose monitor set this desktop has reconciled with. */
export interface RelayLink {
  relay: string;
  /** The relay's monitor-set revision at the last reconciliation. */
  monitorsRevision: number;
  linkedAt: number;
}

/**
 * Relays this desktop's monitors were reconciled with. A relay missing here has never seen this
 * desktop's monitors (a fresh embedded relay, a newly configured remote one), so it receives all of
 * them instead of having its set win.
 */
export class RelayLinkRepo {
  readonly #get: Database.Statement<
    [string],
    { relay: string; monitors_revision: number; linked_at: number }
  >;
  readonly #save: Database.Statement<[string, number, number]>;
  readonly #forgetAll: Database.Statement<[]>;

  constructor(db: Database.Database) {
    this.#forgetAll = db.prepare('DELETE FROM relay_links');
    this.#get = db.prepare('SELECT * FROM relay_links WHERE relay = ?');
    this.#save = db.prepare(
      `INSERT INTO relay_links (relay, monitors_revision, linked_at) VALUES (?, ?, ?)
       ON CONFLICT (relay) DO UPDATE SET monitors_revision = excluded.monitors_revision, linked_at = excluded.linked_at`,
    );
  }

  /** The relay's link, or null when its monitors were never reconciled with this desktop's. */
  get(relay: string): RelayLink | null {
    const row = this.#get.get(relay);
    return row === undefined
      ? null
      : { relay: row.relay, monitorsRevision: row.monitors_revision, linkedAt: row.linked_at };
  }

  /** Records a finished reconciliation. */
  save(relay: string, monitorsRevision: number, now: number): void {
    this.#save.run(relay, monitorsRevision, now);
  }

  /** Forgets every link: each relay receives this desktop's whole set at its next reconciliation. */
  forgetAll(): void {
    this.#forgetAll.run();
  }
}
