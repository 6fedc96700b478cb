import {
  err,
  type FieldError,
  ok,
  type PageIncident,
  type PageIncidentCreate,
  type PageIncidentUpdateInput,
  type Result,
  type StatusPageConfig,
  type StatusPageDetail,
  type StatusPageSummary,
} from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { ChannelContext } from '../alerts/alert-channel.js';
import type { RetryPolicy } from '../alerts/outbox/retry-policy.js';
import type { AlertConfigStore } from '../alerts/store/alert-config-store.js';
import type { HubServices } from '../hub/hub-services.js';
import { DayCountReader } from './day-counts.js';
import { DeliveryQueue } from './delivery-queue.js';
import { PageCache } from './page-cache.js';
import { PageEvents } from './page-events.js';
import { PageIncidentStore } from './page-incident-store.js';
import { buildPublicPage } from './page-model.js';
import { PageStore } from './page-store.js';
import { PageSubscriberStore } from './page-subscriber-store.js';
import { PageSubscriptions } from './page-subscriptions.js';
import { SubscriberNotifier } from './subscriber-notifier.js';
import { validatePageRefs } from './validate-page-refs.js';

/** Timings and limits; tests shorten them. */
export interface StatusPageOptions {
  /** How long a built page is reused while statuses stay the same. */
  cacheTtlMs: number;
  /** How often open pages' statuses are compared for live updates. */
  livePollMs: number;
  /** How often the subscriber queue is looked at without a kick. */
  notifierPollMs: number;
  retry: RetryPolicy;
  /** Unconfirmed subscribers a page keeps before the public form refuses new addresses. */
  maxUnconfirmedPerPage: number;
  /** Live-update streams one client address may hold open, over all pages. */
  maxStreamsPerClient: number;
  /** Live-update streams over all pages. */
  maxStreams: number;
}

/**
 * Defaults: a 15 s page cache, statuses compared every second, queue polled every 5 s; 1,000
 * unconfirmed subscribers a page; 20 streams a client and 10,000 in all.
 */
export const DEFAULT_STATUS_PAGE_OPTIONS: StatusPageOptions = Object.freeze({
  cacheTtlMs: 15_000,
  livePollMs: 1_000,
  notifierPollMs: 5_000,
  retry: { baseDelayMs: 5_000, maxDelayMs: 600_000, maxAttempts: 8 },
  maxUnconfirmedPerPage: 1_000,
  maxStreamsPerClient: 20,
  maxStreams: 10_000,
});

/** What status pages are built on. */
export interface StatusPageDeps {
  db: Database.Database;
  services: Pick<HubServices, 'monitors' | 'status'>;
  alertConfig: AlertConfigStore;
  ctx: ChannelContext;
  log: Logger;
  now(): number;
  options?: Partial<StatusPageOptions>;
}

/**
 * Status pages on the relay: the stores, the public model with its cache, live events and
 * subscriber delivery, and the operations the admin and public routes share.
 */
export class StatusPages {
  readonly pages: PageStore;
  readonly incidents: PageIncidentStore;
  readonly subscribers: PageSubscriberStore;
  readonly queue: DeliveryQueue;
  readonly cache: PageCache;
  readonly events: PageEvents;
  readonly notifier: SubscriberNotifier;
  readonly options: StatusPageOptions;
  readonly dayCounts: DayCountReader;
  readonly subscriptions: PageSubscriptions;
  #publicUrl = '';

  constructor(private readonly deps: StatusPageDeps) {
    const log = deps.log.child({ part: 'status-pages' });
    this.options = { ...DEFAULT_STATUS_PAGE_OPTIONS, ...deps.options };
    this.pages = new PageStore(deps.db);
    this.incidents = new PageIncidentStore(deps.db);
    this.subscribers = new PageSubscriberStore(deps.db);
    this.queue = new DeliveryQueue(deps.db);
    this.dayCounts = new DayCountReader(deps.db, deps.now);
    this.cache = new PageCache({
      build: (slug) => this.#build(slug),
      signature: (slug) => this.signature(slug),
      ttlMs: this.options.cacheTtlMs,
      now: deps.now,
    });
    this.subscriptions = new PageSubscriptions({
      db: deps.db,
      pages: this.pages,
      subscribers: this.subscribers,
      queue: this.queue,
      pageUrl: (slug) => this.pageUrl(slug),
      sent: (slug) => {
        this.notifier.kick();
        this.cache.invalidate(slug);
      },
      maxUnconfirmedPerPage: this.options.maxUnconfirmedPerPage,
      now: deps.now,
    });
    this.events = new PageEvents({
      model: (slug) => this.cache.model(slug),
      signature: (slug) => this.signature(slug),
      pollMs: this.options.livePollMs,
      maxStreamsPerClient: this.options.maxStreamsPerClient,
      maxStreams: this.options.maxStreams,
      log,
    });
    this.notifier = new SubscriberNotifier({
      queue: this.queue,
      subscribers: this.subscribers,
      pages: this.pages,
      channel: (id) => deps.alertConfig.get('channel', id),
      ctx: deps.ctx,
      policy: this.options.retry,
      pollMs: this.options.notifierPollMs,
      log,
      now: deps.now,
    });
  }

  /** Starts live updates and delivery; links point at `publicUrl`. */
  start(publicUrl: string): void {
    this.#publicUrl = publicUrl.replace(/\/+$/, '');
    this.events.start();
    this.notifier.start();
  }

  /** Ends the streams and waits for deliveries in flight. */
  async stop(): Promise<void> {
    this.events.stop();
    await this.notifier.stop();
  }

  /** The clock. */
  now(): number {
    return this.deps.now();
  }

  /** The database the daily aggregates are read from. */
  get db(): Database.Database {
    return this.deps.db;
  }

  /** `<publicUrl>/s/<slug>`. */
  pageUrl(slug: string): string {
    return `${this.#publicUrl}/s/${slug}`;
  }

  /** The fingerprint of a page's monitor statuses. */
  signature(slug: string): string {
    const page = this.pages.get(slug);
    if (page === undefined) return '';
    let sig = '';
    for (const section of page.config.sections)
      for (const m of section.monitors)
        sig += `${this.deps.services.status.status(m.monitorId)?.status ?? '-'},`;
    return sig;
  }

  /** A page as the desktop lists it, or undefined. */
  summary(slug: string): StatusPageSummary | undefined {
    const page = this.pages.get(slug);
    if (page === undefined) return undefined;
    const { config } = page;
    return {
      slug,
      title: config.title,
      published: config.published,
      url: this.pageUrl(slug),
      ...(config.customDomain === undefined ? {} : { customDomain: config.customDomain }),
      monitorCount: config.sections.reduce((n, s) => n + s.monitors.length, 0),
      subscriberCount: this.subscribers.confirmedCount(slug),
      openIncidentCount: this.incidents.openCount(slug),
      updatedAt: page.updatedAt,
    };
  }

  /** A page with its summary and badge URLs, or undefined. */
  detail(slug: string): StatusPageDetail | undefined {
    const page = this.pages.get(slug);
    const summary = this.summary(slug);
    if (page === undefined || summary === undefined) return undefined;
    const base = this.pageUrl(slug);
    const badges = page.config.sections.flatMap((s) =>
      s.monitors.map((m) => {
        const key = `${base}/badges/${this.pages.keyOf(slug, m.monitorId)}`;
        return {
          monitorId: m.monitorId,
          label: m.label,
          statusUrl: `${key}/status.svg`,
          uptimeUrl: `${key}/uptime.svg`,
          latencyUrl: `${key}/latency.svg`,
        };
      }),
    );
    return { page: page.config, summary, badges };
  }

  /** Creates or replaces a page after checking what it refers to; `created` says which. */
  putPage(config: StatusPageConfig): Result<{ detail: StatusPageDetail; created: boolean }, FieldError[]> {
    const problems = validatePageRefs(config, {
      monitorExists: (id) => this.deps.services.monitors.get(id) !== null,
      domainOwner: (domain) => this.pages.domainOwner(domain),
      channelKind: (id) => this.deps.alertConfig.get('channel', id)?.kind,
    });
    if (problems.length > 0) return err(problems);
    const created = this.pages.put(config, this.deps.now());
    this.#changed(config.slug);
    return ok({ detail: this.detail(config.slug)!, created });
  }

  /** Deletes a page with its written incidents and subscribers; false when unknown. */
  deletePage(slug: string): boolean {
    const existed = this.deps.db.transaction(() => {
      this.incidents.deleteAll(slug);
      this.subscribers.deleteAll(slug);
      return this.pages.delete(slug);
    })();
    if (existed) this.#changed(slug);
    return existed;
  }

  /** Opens a written incident and queues it for confirmed subscribers. */
  createIncident(slug: string, input: PageIncidentCreate): PageIncident {
    const incident = this.deps.db.transaction(() => {
      const created = this.incidents.create(slug, input, this.deps.now());
      this.subscriptions.queueUpdate(created);
      return created;
    })();
    this.#changed(slug);
    this.notifier.kick();
    return incident;
  }

  /** Posts an update to a written incident and queues it; undefined for an unknown incident. */
  updateIncident(slug: string, id: string, input: PageIncidentUpdateInput): PageIncident | undefined {
    const incident = this.incidents.get(slug, id);
    if (incident === undefined) return undefined;
    const next = this.deps.db.transaction(() => {
      const updated = this.incidents.addUpdate(incident, input, this.deps.now());
      this.subscriptions.queueUpdate(updated);
      return updated;
    })();
    this.#changed(slug);
    this.notifier.kick();
    return next;
  }

  /** Deletes a written incident; false when unknown. */
  deleteIncident(slug: string, id: string): boolean {
    const existed = this.incidents.delete(slug, id);
    if (existed) this.#changed(slug);
    return existed;
  }

  #changed(slug: string): void {
    this.cache.invalidate(slug);
    this.events.publish(slug);
  }

  #build(slug: string) {
    const page = this.pages.get(slug);
    if (page === undefined || !page.config.published) return undefined;
    const { services, alertConfig } = this.deps;
    return buildPublicPage({
      config: page.config,
      keyOf: (id) => this.pages.keyOf(slug, id) ?? '',
      status: (id) => services.status.status(id)?.status,
      monitor: (id) => services.monitors.get(id),
      dayCounts: (ids, from, to) => this.dayCounts.read(ids, from, to),
      incidents: this.incidents.list(slug),
      maintenance: alertConfig.list('maintenance'),
      baseUrl: this.pageUrl(slug),
      emailSubscriptions: page.config.subscriberEmailChannelId !== undefined,
      now: this.deps.now(),
    });
  }
}
