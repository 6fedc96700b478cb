import {
  err,
  ErrorCode,
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
export type SubscribeError = { status: 400 | 404 | 409 | 429; message: string; details: FieldError[] };

/** The API error code of a refused subscription. */
export const SUBSCRIBE_ERROR_CODE: Readonly<Record<SubscribeError['status'], ErrorCode>> = {
  400: ErrorCode.invalidMessage,
  404: ErrorCode.notFound,
  409: ErrorCode.invalidMessage,
  429: ErrorCode.rateLimited,
};

/** A subscription as stored, and whether this call created it. */
export interface Subscribed {
  record: SubscriberRecord;
  created: boolean;
}

/** A form resubmitted often must not turn the relay into a mail cannon aimed at one inbox. */
const CONFIRMATION_RESEND_MS = 3_600_000;
const MAX_TRACKED_RESENDS = 10_000;

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
  /** Unconfirmed subscribers a page keeps before the public form refuses new addresses. */
  maxUnconfirmedPerPage: number;
  now(): number;
}

/**
 * Subscribing, confirming and unsubscribing, and queueing each written incident update for the
 * confirmed subscribers (in the transaction that stores the update).
 */
export class PageSubscriptions {
  /** When each unconfirmed subscriber was last sent its confirmation (memory: a restart forgets). */
  readonly #confirmationSentAt = new Map<string, number>();

  constructor(private readonly deps: PageSubscriptionDeps) {}

  /**
   * Subscribes someone: an email gets the opt-in mail (at most once an hour per address) and waits
   * for its link; a webhook the owner adds is confirmed at once. The public form takes email only.
   * A webhook added again with a different secret is refused rather than silently kept.
   */
  subscribe(slug: string, input: PageSubscribeInput, byOwner: boolean): Result<Subscribed, SubscribeError> {
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
    const existing = this.deps.subscribers.find(slug, input);
    if (input.kind === 'webhook' && input.secret !== undefined && existing?.secret != null) {
      if (existing.secret !== input.secret) {
        const message =
          'this webhook URL is already subscribed with another secret; remove that subscriber first to change it';
        return err({ status: 409, message, details: [{ path: 'secret', message }] });
      }
    }
    if (
      !byOwner &&
      existing === undefined &&
      this.deps.subscribers.unconfirmedCount(slug) >= this.deps.maxUnconfirmedPerPage
    )
      return err({
        status: 429,
        message: 'this page has too many subscriptions waiting for confirmation; try again later',
        details: [],
      });
    const now = this.deps.now();
    const result = this.deps.db.transaction(() => {
      const added = this.deps.subscribers.add(slug, input, input.kind === 'webhook', now);
      const { record } = added;
      if (!record.confirmed && this.#mayResend(record, added.created, now)) {
        this.deps.queue.enqueue(
          record.id,
          confirmationEmail(page.config, record.address, this.#links(record)),
          now,
        );
        this.#confirmationSentAt.set(record.id, now);
      }
      return added;
    })();
    this.deps.sent(slug);
    return ok(result);
  }

  /** Whether an unconfirmed subscriber may be sent its confirmation again now. */
  #mayResend(record: SubscriberRecord, created: boolean, now: number): boolean {
    if (created) return true;
    // Unknown after a restart: the subscriber's creation is when its first mail went out.
    const last = this.#confirmationSentAt.get(record.id) ?? record.createdAt;
    if (now - last < CONFIRMATION_RESEND_MS) return false;
    if (this.#confirmationSentAt.size >= MAX_TRACKED_RESENDS)
      for (const [id, at] of this.#confirmationSentAt)
        if (now - at >= CONFIRMATION_RESEND_MS) this.#confirmationSentAt.delete(id);
    return true;
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

  /**
   * Queues an incident's latest update for every confirmed subscriber (email only with a channel);
   * an unpublished page tells nobody, as its incidents are not public either.
   */
  queueUpdate(incident: PageIncident): void {
    const page = this.deps.pages.get(incident.slug);
    if (page === undefined || !page.config.published) return;
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
