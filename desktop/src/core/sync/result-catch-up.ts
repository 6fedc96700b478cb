import type { LoggedResult, ResultsPageMessage } from '@vantage/shared';
import type { Logger } from 'pino';
import type { SyncView } from '../../contract/index.js';
import type { DesktopStore } from '../store/index.js';
import type { RelayConnection } from './relay-connection.js';

/** Catch-up progress, as the sync status shows it. */
export type CatchUpView = SyncView['catchUp'];

/** What catch-up tells the sync. */
export interface CatchUpEvents {
  /** Results just stored, oldest first; `live` is false during catch-up. */
  stored(results: readonly LoggedResult[], live: boolean): void;
  /** Progress changed. */
  progress(): void;
  /** Storing a page failed: the session must end so that the next one resumes from the stored cursor. */
  failed(error: unknown): void;
}

/** How often catch-up progress is logged at most, besides every tenth of the way. */
const LOG_EVERY_MS = 5000;

/**
 * Reads one relay's result log into the store:
 * 1. on each session, `results.subscribe` from the cursor stored for this relay;
 * 2. each `results.page` is stored with `ingestResults` (one transaction: rows, rollups and cursor,
 *    dropping what is already there), and only then committed to the relay with `results.commit`;
 * 3. progress (received, remaining, fraction) is kept for the status and logged every tenth of
 *    the way or every 5 s, and once when the backlog is drained.
 * A kill at any instant therefore loses nothing and stores nothing twice: the next session
 * subscribes from the cursor that was committed with the rows.
 */
export class ResultCatchUp {
  #relayKey: string | null = null;
  #connection: RelayConnection | null = null;
  #received = 0;
  #remaining = 0;
  #live = false;
  #startedAt = 0;
  #loggedAt = 0;
  #loggedTenth = 0;
  #commitInFlight = false;
  #commitWanted: number | null = null;

  constructor(
    private readonly store: DesktopStore,
    private readonly log: Logger,
    private readonly events: CatchUpEvents,
    private readonly now: () => number,
  ) {}

  /** Progress of the current (or last) catch-up. */
  view(): CatchUpView {
    const total = this.#received + this.#remaining;
    const fraction = this.#live ? 1 : total === 0 ? 0 : this.#received / total;
    return { live: this.#live, received: this.#received, remaining: this.#remaining, fraction };
  }

  /** The cursor stored for the relay being read; 0 before the first session. */
  cursor(): number {
    return this.#relayKey === null ? 0 : this.store.sync.cursorFor(this.#relayKey);
  }

  /** Subscribes from the stored cursor on a new session with the relay named `relayKey`. */
  start(connection: RelayConnection, relayKey: string): void {
    this.#connection = connection;
    this.#relayKey = relayKey;
    this.#received = 0;
    this.#remaining = 0;
    this.#live = false;
    this.#startedAt = this.now();
    this.#loggedAt = this.#startedAt;
    this.#loggedTenth = 0;
    this.#commitInFlight = false;
    this.#commitWanted = null;
    const fromCursor = this.store.sync.cursorFor(relayKey);
    this.log.info({ relay: relayKey, fromCursor }, "reading the relay's result log");
    this.events.progress();
    void connection.request({ type: 'results.subscribe', fromCursor }).then((reply) => {
      if (!reply.ok && connection.hello !== null) {
        this.events.failed(new Error(`results.subscribe failed: ${reply.error.message}`));
      }
    });
  }

  /** The session ended. */
  stop(): void {
    this.#connection = null;
    this.#live = false;
  }

  /** Stores one page and commits it; see the class comment. */
  page(page: ResultsPageMessage): void {
    const relay = this.#relayKey;
    const connection = this.#connection;
    if (relay === null || connection === null) return;
    let stored: number;
    try {
      stored = this.store.ingestResults(page.results, { relay, cursor: page.cursor }).cursor;
    } catch (error) {
      this.events.failed(error);
      return;
    }
    const wasLive = this.#live;
    if (!page.live || !wasLive) {
      this.#received += page.results.length;
      this.#remaining = page.backlog;
    }
    this.#live = page.live;
    this.#commit(connection, stored);
    if (page.results.length > 0) this.events.stored(page.results, wasLive && page.live);
    if (!wasLive) this.#report();
    else if (!page.live)
      this.log.info({ cursor: stored }, 'the relay switched this desktop back to catch-up');
    // Live pages change no progress figure; the status reads the cursor when asked.
    if (!wasLive || !page.live) this.events.progress();
  }

  /** One commit in flight at a time; a newer cursor waits for it (live pages arrive faster than round trips). */
  #commit(connection: RelayConnection, cursor: number): void {
    if (this.#commitInFlight) {
      this.#commitWanted = cursor;
      return;
    }
    this.#commitInFlight = true;
    void connection.request({ type: 'results.commit', cursor }).then((reply) => {
      if (connection !== this.#connection) return;
      this.#commitInFlight = false;
      if (!reply.ok)
        this.log.debug({ cursor, error: reply.error.message }, 'the relay did not take a commit');
      const next = this.#commitWanted;
      this.#commitWanted = null;
      if (next !== null) this.#commit(connection, next);
    });
  }

  #report(): void {
    const now = this.now();
    if (this.#live) {
      this.log.info(
        { received: this.#received, cursor: this.cursor(), ms: now - this.#startedAt },
        'caught up with the relay; results arrive live',
      );
      return;
    }
    const { fraction } = this.view();
    const tenth = Math.floor(fraction * 10);
    if (tenth <= this.#loggedTenth && now - this.#loggedAt < LOG_EVERY_MS) return;
    this.#loggedTenth = tenth;
    this.#loggedAt = now;
    this.log.info(
      { received: this.#received, remaining: this.#remaining, percent: Math.floor(fraction * 100) },
      'catching up with the relay',
    );
  }
}
