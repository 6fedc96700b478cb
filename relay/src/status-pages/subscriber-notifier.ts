import type { ChannelConfig } from '@vantage/shared';
import type { Logger } from 'pino';
import { type ChannelContext, type DeliveryOutcome, deliveryFailed } from '../alerts/alert-channel.js';
import { smtpTransport } from '../alerts/channels/email/email-channel.js';
import {
  SIGNATURE_HEADER,
  signWebhookBody,
  TIMESTAMP_HEADER,
} from '../alerts/channels/webhook/webhook-signature.js';
import { deliverHttp } from '../alerts/deliver-http.js';
import { nextAttemptDelay, type RetryPolicy } from '../alerts/outbox/retry-policy.js';
import type { DeliveryQueue, OutgoingMessage } from './delivery-queue.js';
import type { PageStore } from './page-store.js';
import type { PageSubscriberStore } from './page-subscriber-store.js';

/** What the notifier sends with. */
export interface NotifierDeps {
  queue: DeliveryQueue;
  subscribers: PageSubscriberStore;
  pages: PageStore;
  /** An alert channel by id (the page's `subscriberEmailChannelId` names an email one). */
  channel(id: string): ChannelConfig | undefined;
  ctx: ChannelContext;
  policy: RetryPolicy;
  /** How often due messages are looked for when nothing kicked the notifier. */
  pollMs: number;
  log: Logger;
  now(): number;
}

/** Messages sent per pass; the rest wait for the next one, so one page's crowd cannot stall others long. */
const BATCH = 50;

/**
 * Sends queued subscriber messages off the request path: email through the page's chosen SMTP
 * channel, webhooks as signed JSON POSTs like alert webhooks. Failures that may pass are retried
 * with the alert outbox's backoff; permanent ones are dropped and logged.
 */
export class SubscriberNotifier {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(private readonly deps: NotifierDeps) {}

  /** Sends what is due now and then every `pollMs`. */
  start(): void {
    this.#timer = setInterval(() => this.kick(), this.deps.pollMs);
    this.#timer.unref();
    this.kick();
  }

  /** Looks for due messages now (after something was queued). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running !== undefined) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.kick();
      }
    });
  }

  /** Stops the timer and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      const due = this.deps.queue.due(this.deps.now(), BATCH);
      await Promise.all(
        due.map(async (item) => {
          const subscriber = this.deps.subscribers.get(item.subscriberId);
          if (subscriber === undefined) return this.deps.queue.remove(item.id);
          const outcome = await this.#send(item.message, subscriber.secret ?? '');
          if (this.#stopped && !outcome.ok) return;
          if (outcome.ok) return this.deps.queue.remove(item.id);
          const attempts = item.attempts + 1;
          const delay = nextAttemptDelay(this.deps.policy, attempts, outcome);
          const log = this.deps.log.child({ subscriberId: subscriber.id, slug: subscriber.slug });
          if (delay === null) {
            log.warn({ attempts, error: outcome.error }, 'status page subscriber message dropped');
            return this.deps.queue.remove(item.id);
          }
          log.info(
            { attempts, error: outcome.error, retryInMs: delay },
            'status page subscriber message will be retried',
          );
          this.deps.queue.retryAt(item.id, attempts, this.deps.now() + delay, outcome.error);
        }),
      );
      if (due.length === BATCH) this.#again = true;
    } catch (error) {
      this.deps.log.error({ err: error }, 'status page notifier pass failed');
    }
  }

  #send(message: OutgoingMessage, secret: string): Promise<DeliveryOutcome> {
    if (message.kind === 'webhook') {
      const sentAt = this.deps.now();
      return deliverHttp(
        this.deps.ctx,
        message.url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            [TIMESTAMP_HEADER]: String(Math.floor(sentAt / 1000)),
            [SIGNATURE_HEADER]: signWebhookBody(message.body, secret),
          },
          body: message.body,
        },
        { provider: 'Webhook' },
      );
    }
    return this.#sendEmail(message);
  }

  async #sendEmail(message: Extract<OutgoingMessage, { kind: 'email' }>): Promise<DeliveryOutcome> {
    const channelId = this.deps.pages.get(message.slug)?.config.subscriberEmailChannelId;
    const channel = channelId === undefined ? undefined : this.deps.channel(channelId);
    if (channel?.kind !== 'email')
      return deliveryFailed(
        `the page has no email channel (subscriberEmailChannelId "${channelId ?? ''}")`,
        true,
      );
    const transport = await smtpTransport(channel, this.deps.ctx.timeoutMs);
    try {
      const info = await transport.sendMail({
        from: channel.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      return { ok: true, providerId: info.messageId, detail: `${channel.host} accepted the message` };
    } catch (error) {
      const e = error as Error & { code?: string; responseCode?: number };
      // Refused logins and 5xx replies need someone to act; 4xx and lost connections may pass.
      const permanent = e.code === 'EAUTH' || (typeof e.responseCode === 'number' && e.responseCode >= 500);
      return deliveryFailed(`SMTP ${channel.host}: ${e.message}`, permanent);
    } finally {
      transport.close();
    }
  }
}
