import { ErrorCode, MAX_RESULTS_PER_PAGE } from '@vantage/shared';
import type { Logger } from 'pino';
import type { LiveFeed } from '../fanout/live-feed.js';
import type { LoggedResult, ResultLog } from '../storage/relay-storage.js';
import type { PeerSocket } from './peer-socket.js';

type Mode = 'paging' | 'live' | 'stopped';

/**
 * One desktop's stream of the result log: pages from its cursor, then live results, in order,
 * with neither gap nor duplicate.
 * 1. Paging reads the log after the last cursor sent, one page in flight at a time (the next page
 *    goes out when the previous one left the process), so a slow desktop only slows itself.
 * 2. A read that returns less than a full page has reached the log's head; in the same
 *    synchronous step the subscription turns live. Commits call the live feed synchronously, so
 *    every later result arrives through it with a cursor above the last one sent.
 * 3. Live results are sent as they commit while fewer than `queueLimit` of them wait in the
 *    socket's buffer; past that the subscription drops back to paging from its last cursor,
 *    which picks up exactly the results it did not send.
 */
export class ResultSubscription {
  #mode: Mode = 'paging';
  #sent: number;
  #queued = 0;
  #pageInFlight = false;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly peer: PeerSocket,
    private readonly results: ResultLog,
    feed: LiveFeed,
    private readonly queueLimit: number,
    private readonly log: Logger,
    fromCursor: number,
    requestId: string,
  ) {
    this.#sent = this.#startCursor(fromCursor);
    this.#unsubscribe = feed.subscribe((batch) => this.#onLive(batch));
    this.#sendPage(requestId);
  }

  /** The last cursor handed to the socket. */
  get cursor(): number {
    return this.#sent;
  }

  /** Whether the backlog is drained and results flow live. */
  get live(): boolean {
    return this.#mode === 'live';
  }

  /** Ends the stream (the desktop left or subscribed again). */
  stop(): void {
    this.#mode = 'stopped';
    this.#unsubscribe();
  }

  /** Where paging starts: the asked cursor, moved to the retained range (and the desktop told why). */
  #startCursor(fromCursor: number): number {
    const head = this.results.headCursor();
    const tail = this.results.tailCursor();
    const lowestKept = tail > 0 ? tail : head + 1;
    if (fromCursor > head) {
      this.#notice(
        `cursor ${fromCursor} is beyond the end of the relay's log (${head}); was its database replaced? continuing from ${head}`,
      );
      return head;
    }
    // 0 asks for whatever the relay retains, so starting at the tail is no news.
    if (fromCursor > 0 && fromCursor + 1 < lowestKept) {
      this.#notice(
        `results after cursor ${fromCursor} up to ${lowestKept - 1} were removed by retention; continuing from ${lowestKept - 1}`,
      );
      return lowestKept - 1;
    }
    return Math.max(fromCursor, lowestKept - 1);
  }

  #notice(message: string): void {
    this.log.info({ message }, 'desktop cursor moved to the retained log');
    this.peer.sendError({ code: ErrorCode.notFound, message });
  }

  #pump(): void {
    if (this.#mode !== 'paging' || this.#pageInFlight) return;
    this.#sendPage(undefined);
  }

  #sendPage(requestId: string | undefined): void {
    const rows = this.results.readAfter(this.#sent, MAX_RESULTS_PER_PAGE);
    const drained = rows.length < MAX_RESULTS_PER_PAGE;
    const last = rows.at(-1)?.cursor ?? this.#sent;
    const backlog = drained ? 0 : Math.max(0, this.results.headCursor() - last);
    this.#sent = last;
    if (drained) this.#mode = 'live';
    this.#pageInFlight = !drained;
    const sent = this.peer.send(
      {
        type: 'results.page',
        ...(requestId !== undefined ? { requestId } : {}),
        results: rows,
        cursor: last,
        backlog,
        live: drained,
      },
      drained
        ? undefined
        : () => {
            this.#pageInFlight = false;
            setImmediate(() => this.#pump());
          },
    );
    if (!sent) this.stop();
  }

  #onLive(batch: readonly LoggedResult[]): void {
    if (this.#mode !== 'live') return;
    let start = 0;
    while (start < batch.length && batch[start]!.cursor <= this.#sent) start++;
    if (start === batch.length) return;
    const fresh = start === 0 ? batch : batch.slice(start);
    if (this.#queued + fresh.length > this.queueLimit) {
      this.log.info(
        { queued: this.#queued, cursor: this.#sent },
        'desktop is slow; switching it to catch-up',
      );
      this.#mode = 'paging';
      setImmediate(() => this.#pump());
      return;
    }
    for (let i = 0; i < fresh.length; i += MAX_RESULTS_PER_PAGE) {
      const chunk = fresh.slice(i, i + MAX_RESULTS_PER_PAGE);
      const cursor = chunk.at(-1)!.cursor;
      this.#queued += chunk.length;
      const sent = this.peer.send(
        { type: 'results.page', results: chunk, cursor, backlog: 0, live: true },
        () => {
          this.#queued -= chunk.length;
        },
      );
      if (!sent) {
        this.stop();
        return;
      }
      this.#sent = cursor;
    }
  }
}
