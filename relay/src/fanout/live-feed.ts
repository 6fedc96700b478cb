import type { LoggedResult } from '../storage/relay-storage.js';

/** Told of every committed batch of results, in log order. */
export type LiveResultsListener = (results: readonly LoggedResult[]) => void;

/**
 * The stream of committed results that evaluation and live desktops follow. In process it is fed
 * by the result log's commit hook; a multi-relay backend would read a results stream instead.
 * Publishing is synchronous with the commit, so a reader that paged the log up to its head and
 * then subscribed has neither a gap nor a duplicate.
 */
export interface LiveFeed {
  publish(results: readonly LoggedResult[]): void;
  subscribe(listener: LiveResultsListener): () => void;
}

/** Calls every listener in turn; one listener's error never keeps the results from the others. */
export class InProcessLiveFeed implements LiveFeed {
  readonly #listeners = new Set<LiveResultsListener>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  publish(results: readonly LoggedResult[]): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(results);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  subscribe(listener: LiveResultsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
