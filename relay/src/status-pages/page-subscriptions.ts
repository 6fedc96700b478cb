import {
  err,
  type FieldError,
  ok,
  type PageIncident,
  type PageSubscribeInput,
  type Result,
} from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { DeliveryQueue } from './delivery-queue.js';
import type { PageStore } from './page-store.js';
import type { PageSubscriberStore, SubscriberRecord } from './page-subscriber-store.js';
import { confirmationEmail, incidentUpdateMessage, type SubscriberLinks } from './subscriber-messages.js';

/** Why a subscription was refused. */
export type SubscribeError = { status: 400 | 404; message: string; details: FieldError[] };

/** What subscriptions work on. */
export interface PageSubscriptionDeps {
  db: Database.Database;
  pages: PageStore;
  subscribers: PageSubscriberStore;
  queue: DeliveryQueue;
  /** `<publicUrl>/s/<slug>`: the base of every link a subscriber gets. */
  pageUrl(slug: string): string;
  /** Called after messages were queued for a page. */
  sent(slug: string): void;
  now(): number;
}

/**
 * Subscribing, confirming and unsubscribing, and queueing each written incident update for the
 * confirmed subscribers (in the transaction that stores the update).
 */
export class PageSubscriptions {
  constructor(private readonly deps: PageSubscriptionDeps) {}

  /**
   * Subscribes someone: an email gets the opt-in mail and waits for its link; a webhook the owner
   * adds is confirmed at once. The public form takes email only.
   */
  subscribe(
    slug: string,
    input: PageSubscribeInput,
    byOwner: boolean,
  ): Result<SubscriberRecord, SubscribeError> {
    const page = this.deps.pages.get(slug);
    if (page === undefined || (!byOwner && !page.config.published))
      return err({ status: 404, message: `no status page "${slug}"`, details: [] });
    if (input.kind === 'webhook' && !byOwner) {
      const message = "webhook subscriptions are added by the page's owner";
      return err({ status: 400, message, details: [{ path: 'kind', message }] });
    }
    if (input.kind === 'email' && page.config.subscriberEmailChannelId === undefined) {
      const message = 'this page does not take email subscriptions (no subscriberEmailChannelId)';
      return err({ status: 400, message, details: [{ path: 'email', message }] });
    }
    const now = this.deps.now();
    const record = this.deps.db.transaction(() => {
      const { record: added } = this.deps.subscribers.add(slug, input, input.kind === 'webhook', now);
      if (!added.confirmed)
        this.deps.queue.enqueue(
          added.id,
          confirmationEmail(page.config, added.address, this.#links(added)),
          now,
        );
      return added;
    })();
    this.deps.sent(slug);
    return ok(record);
  }

  /** Confirms a subscription from its emailed link; false for an unknown link. */
  confirm(slug: string, token: string): boolean {
    const record = this.deps.subscribers.byToken(slug, 'confirm', token);
    if (record === undefined) return false;
    this.deps.subscribers.confirm(record.id);
    return true;
  }

  /** Ends a subscription from its link; false for an unknown link. */
  unsubscribe(slug: string, token: string): boolean {
    const record = this.deps.subscribers.byToken(slug, 'unsubscribe', token);
    return record !== undefined && this.deps.subscribers.delete(record.id);
  }

  /** Queues an incident's latest update for every confirmed subscriber (email only with a channel). */
  queueUpdate(incident: PageIncident): void {
    const page = this.deps.pages.get(incident.slug);
    if (page === undefined) return;
    const now = this.deps.now();
    const emails = page.config.subscriberEmailChannelId !== undefined;
    for (const subscriber of this.deps.subscribers.list(incident.slug)) {
      if (!subscriber.confirmed || (subscriber.kind === 'email' && !emails)) continue;
      this.deps.queue.enqueue(
        subscriber.id,
        incidentUpdateMessage(page.config, incident, subscriber, this.#links(subscriber), now),
        now,
      );
    }
  }

  #links(subscriber: SubscriberRecord): SubscriberLinks {
    const page = this.deps.pageUrl(subscriber.slug);
    return {
      page,
      confirm: `${page}/confirm/${subscriber.confirmToken}`,
      unsubscribe: `${page}/unsubscribe/${subscriber.unsubscribeToken}`,
    };
  }
}
