import type { ServerResponse } from 'node:http';
import type { PublicStatusPage } from '@vantage/shared';
import type { Logger } from 'pino';
import { liveUpdateOf } from './page-fragments.js';

/** What the live feed reads. */
export interface PageEventsDeps {
  /** The page's current model (undefined once it is gone or unpublished). */
  model(slug: string): PublicStatusPage | undefined;
  /** The fingerprint of the page's monitor statuses. */
  signature(slug: string): string;
  /** How often statuses are compared for pages someone is watching. */
  pollMs: number;
  /** Streams one client address may hold open, over all pages. */
  maxStreamsPerClient: number;
  /** Streams over all pages. */
  maxStreams: number;
  log: Logger;
}

/** Most open streams per page; a crowd beyond this reloads instead (the page works without them). */
const MAX_STREAMS_PER_PAGE = 5_000;
/** A comment line this often keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 25_000;

/**
 * Server-sent events for open status pages (`<page>/events`): each stream gets an `update` at once
 * and after every change (monitor statuses, compared every `pollMs`; written incidents, pushed by
 * their writer), carrying the server-rendered banner, incidents and states.
 */
export class PageEvents {
  readonly #streams = new Map<string, Set<ServerResponse>>();
  readonly #signatures = new Map<string, string>();
  readonly #perClient = new Map<string, number>();
  #total = 0;
  #poll: NodeJS.Timeout | undefined;
  #keepalive: NodeJS.Timeout | undefined;

  constructor(private readonly deps: PageEventsDeps) {}

  /** Starts comparing statuses and sending keep-alives. */
  start(): void {
    this.#poll = setInterval(() => this.#checkStatuses(), this.deps.pollMs);
    this.#poll.unref();
    this.#keepalive = setInterval(() => this.#broadcastRaw(': keep-alive\n\n'), KEEPALIVE_MS);
    this.#keepalive.unref();
  }

  /**
   * Takes over a response as an event stream for a page; false when the page, the client address
   * `client` or the relay as a whole holds too many (each open stream costs a socket and memory).
   */
  attach(slug: string, res: ServerResponse, client: string): boolean {
    const streams = this.#streams.get(slug) ?? new Set<ServerResponse>();
    const ofClient = this.#perClient.get(client) ?? 0;
    if (
      streams.size >= MAX_STREAMS_PER_PAGE ||
      ofClient >= this.deps.maxStreamsPerClient ||
      this.#total >= this.deps.maxStreams
    )
      return false;
    this.#streams.set(slug, streams);
    this.#perClient.set(client, ofClient + 1);
    this.#total++;
    if (!this.#signatures.has(slug)) this.#signatures.set(slug, this.deps.signature(slug));
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    streams.add(res);
    res.on('close', () => {
      this.#total--;
      const left = (this.#perClient.get(client) ?? 1) - 1;
      if (left > 0) this.#perClient.set(client, left);
      else this.#perClient.delete(client);
      streams.delete(res);
      if (streams.size === 0) {
        this.#streams.delete(slug);
        this.#signatures.delete(slug);
      }
    });
    const model = this.deps.model(slug);
    if (model !== undefined) res.write(frameOf(model));
    return true;
  }

  /** Sends every open stream of a page its current state (or ends them when the page is gone). */
  publish(slug: string): void {
    const streams = this.#streams.get(slug);
    if (streams === undefined) return;
    const model = this.deps.model(slug);
    if (model === undefined) {
      for (const res of streams) res.end();
      return;
    }
    const frame = frameOf(model);
    for (const res of streams) res.write(frame);
  }

  /** Streams open now, over all pages. */
  size(): number {
    return this.#total;
  }

  /** Ends every stream and the timers. */
  stop(): void {
    clearInterval(this.#poll);
    clearInterval(this.#keepalive);
    for (const streams of this.#streams.values()) for (const res of streams) res.end();
    this.#streams.clear();
  }

  #checkStatuses(): void {
    for (const slug of this.#streams.keys()) {
      try {
        const signature = this.deps.signature(slug);
        if (signature === this.#signatures.get(slug)) continue;
        this.#signatures.set(slug, signature);
        this.publish(slug);
      } catch (error) {
        this.deps.log.error({ err: error, slug }, 'status page live update failed');
      }
    }
  }

  #broadcastRaw(text: string): void {
    for (const streams of this.#streams.values()) for (const res of streams) res.write(text);
  }
}

function frameOf(model: PublicStatusPage): string {
  return `event: update\ndata: ${JSON.stringify(liveUpdateOf(model))}\n\n`;
}
