import { err, ok, type RelayToDesktop, type Result } from '@vantage/shared';
import type { ApiError } from '../../contract/index.js';
import { fromRelayError, relayUnavailable } from './sync-errors.js';

/** What a request waits for beyond its first reply (a `check.run` gets one `check.tested` per region). */
export type WantMore = (replies: readonly RelayToDesktop[]) => boolean;

interface Pending {
  replies: RelayToDesktop[];
  more: WantMore | undefined;
  timer: NodeJS.Timeout;
  settle(result: Result<RelayToDesktop[], ApiError>): void;
}

/**
 * Requests sent on one connection and waiting for their replies, matched by request id. Every
 * request settles exactly once: with its replies, with the relay's `error`, at its deadline, or
 * when the connection ends.
 */
export class PendingRequests {
  readonly #pending = new Map<string, Pending>();
  #next = 0;

  /** A request id unique on this connection. */
  nextId(): string {
    return `d${++this.#next}`;
  }

  /** How many requests wait. */
  get size(): number {
    return this.#pending.size;
  }

  /** Waits for the replies to `requestId`; `what` names the request in a timeout message. */
  wait(
    requestId: string,
    what: string,
    timeoutMs: number,
    more?: WantMore,
  ): Promise<Result<RelayToDesktop[], ApiError>> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const entry = this.#pending.get(requestId);
        if (entry === undefined) return;
        // Some regions answered and another never will: what arrived is still worth showing.
        if (entry.replies.some((r) => r.type !== 'error')) entry.settle(ok(entry.replies));
        else
          entry.settle(
            err(
              relayUnavailable(`the relay did not answer ${what} within ${Math.round(timeoutMs / 1000)} s`),
            ),
          );
      }, timeoutMs);
      this.#pending.set(requestId, {
        replies: [],
        more,
        timer,
        settle: (result) => {
          clearTimeout(timer);
          this.#pending.delete(requestId);
          resolve(result);
        },
      });
    });
  }

  /** Hands a frame to the request it answers; false when it answers none. */
  take(frame: RelayToDesktop): boolean {
    const requestId = 'requestId' in frame ? frame.requestId : undefined;
    const entry = requestId === undefined ? undefined : this.#pending.get(requestId);
    if (entry === undefined) return false;
    if (frame.type === 'error' && entry.replies.length === 0) {
      entry.settle(err(fromRelayError(frame)));
      return true;
    }
    entry.replies.push(frame);
    if (entry.more === undefined || !entry.more(entry.replies)) entry.settle(ok(entry.replies));
    return true;
  }

  /** Fails one request (it could not be sent). */
  fail(requestId: string, error: ApiError): void {
    this.#pending.get(requestId)?.settle(err(error));
  }

  /** Fails every waiting request (the connection ended). */
  failAll(error: ApiError): void {
    for (const entry of [...this.#pending.values()]) entry.settle(err(error));
  }
}
