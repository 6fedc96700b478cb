import type { AlertNotice, Incident, Monitor, MonitorStatus } from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Hub } from '../hub/index.js';
import { type AckLinks, createAckLinks } from './ack-links.js';
import { ensureAckLinkKey } from './ack/ack-link-key.js';
import { createChannelContext } from './channel-context.js';
import { deliverAlert } from './deliver-alert.js';
import { MaintenanceCalendar } from './maintenance/maintenance-calendar.js';
import { MaintenanceScheduler } from './maintenance/maintenance-scheduler.js';
import { AlertOutbox } from './outbox/alert-outbox.js';
import { AlertSender, type SenderTiming } from './outbox/alert-sender.js';
import { DEFAULT_RETRY_POLICY } from './outbox/retry-policy.js';
import { AlertRouter, type MonitorFacts } from './policies/alert-router.js';
import { CertExpiryAlerts } from './policies/cert-expiry-alerts.js';
import { DegradedStories } from './policies/degraded-stories.js';
import { NoticeStager } from './policies/notice-stager.js';
import { IncidentAlertStates } from './policies/incident-alert-state.js';
import { AlertConfigStore } from './store/alert-config-store.js';

/** Timing and addresses of alerting; the defaults suit production, tests shorten them. */
export interface AlertingOptions extends SenderTiming {
  /** How often escalation steps and reminders are looked for (default 1 s). */
  escalationTickMs: number;
  /** How often maintenance windows are re-checked (default 10 s). */
  maintenanceCheckMs: number;
  /** How long one provider request may take (default 10 s). */
  channelTimeoutMs: number;
}

/** The defaults: a 60 s grouping window per channel, 8 retries over about 20 minutes. */
export const DEFAULT_ALERTING_OPTIONS: AlertingOptions = Object.freeze({
  groupWindowMs: 60_000,
  leaseMs: 60_000,
  pollMs: 1000,
  concurrency: 16,
  retry: DEFAULT_RETRY_POLICY,
  escalationTickMs: 1000,
  maintenanceCheckMs: 10_000,
  channelTimeoutMs: 10_000,
});

/** What alerting is built on. */
export interface AlertingDeps {
  db: Database.Database;
  relayId: string;
  dataDir: string;
  hub: Hub;
  incident(incidentId: string): Incident | null;
  /** Every open incident as stored. */
  openIncidents(): Incident[];
  log: Logger;
  now(): number;
  /** The base URL ack links point at; read when a message is composed. */
  publicUrl(): string;
  options?: Partial<AlertingOptions>;
}

/** Alerting, running. */
export interface Alerting {
  readonly config: AlertConfigStore;
  readonly outbox: AlertOutbox;
  readonly ackLinks: AckLinks;
  readonly maintenance: MaintenanceScheduler;
  readonly sender: AlertSender;
  readonly options: AlertingOptions;
  /** Starts delivery (resending what a crash interrupted), escalation and maintenance. */
  start(): void;
  /** Stops the timers and waits for attempts in flight; call before the database closes. */
  stop(): Promise<void>;
}

const ACKABLE = new Set<AlertNotice['kind']>(['down', 'escalation', 'reminder']);

/**
 * Builds the relay's alerting over the hub: incident and status changes are turned into outbox
 * notices in the transaction that stores them (Hub.onIncident, Hub.onStatusChange,
 * in-transaction), committed results are read for certificate expiry (Hub.onResults), a sender
 * delivers with retries, a timer fires escalation steps and reminders, and a scheduler feeds
 * maintenance windows to the evaluator.
 */
export function createAlerting(deps: AlertingDeps): Alerting {
  const options: AlertingOptions = { ...DEFAULT_ALERTING_OPTIONS, ...deps.options };
  const log = deps.log.child({ part: 'alerts' });
  const config = new AlertConfigStore(deps.db);
  const outbox = new AlertOutbox(deps.db, deps.relayId);
  const states = new IncidentAlertStates(deps.db);
  const key = ensureAckLinkKey(deps.dataDir);
  // Built on first use: the public URL is known only once the server listens.
  let links: AckLinks | undefined;
  const linksNow = () => (links ??= createAckLinks({ publicUrl: deps.publicUrl(), key, now: deps.now }));
  const ackLinks: AckLinks = {
    urlFor: (incidentId, channelId) => linksNow().urlFor(incidentId, channelId),
    verify: (token) => linksNow().verify(token),
  };
  const { services } = deps.hub;
  const monitor = (id: string): MonitorFacts | undefined => {
    const m = services.monitors.get(id);
    if (m === null) return undefined;
    const target = targetOf(m);
    return { name: m.name, tags: m.tags, ...(target === undefined ? {} : { target }) };
  };
  const router = new AlertRouter({
    config,
    outbox,
    states,
    stories: new DegradedStories(deps.db),
    monitor,
    status: (id): MonitorStatus | undefined => services.status.status(id)?.status,
    incident: deps.incident,
    now: deps.now,
  });
  const sender = new AlertSender({
    outbox,
    channel: (id) => config.get('channel', id),
    deliver: deliverAlert,
    ctx: createChannelContext({ timeoutMs: options.channelTimeoutMs, now: deps.now }),
    decorate: (channelId, notice) =>
      ACKABLE.has(notice.kind) && notice.ackUrl === undefined
        ? { ...notice, ackUrl: ackLinks.urlFor(notice.incidentId, channelId) }
        : notice,
    now: deps.now,
    log,
    timing: options,
  });
  // Results are marked by the windows themselves; filled now, so results before `start` are too.
  const calendar = new MaintenanceCalendar();
  calendar.refresh(config.list('maintenance'), services.monitors.list().monitors, deps.now());
  deps.hub.useMaintenanceCalendar((monitorId, at) => calendar.covers(monitorId, at));
  const maintenance = new MaintenanceScheduler({
    calendar,
    windows: () => config.list('maintenance'),
    monitors: () => services.monitors.list().monitors,
    apply: (monitorId, active) => deps.hub.setMaintenance(monitorId, active),
    now: deps.now,
    log,
    checkMs: options.maintenanceCheckMs,
  });
  const stager = new NoticeStager({ config, outbox, monitor, now: deps.now });
  const certs = new CertExpiryAlerts({ db: deps.db, config, stager, now: deps.now });
  const unsubscribe = [
    deps.hub.onIncident((event) => router.stageIncident(event), { inTransaction: true }),
    deps.hub.onIncident(() => sender.kick()),
    deps.hub.onStatusChange((event) => router.stageStatus(event), { inTransaction: true }),
    deps.hub.onStatusChange(() => sender.kick()),
    deps.hub.onResults((results) => {
      try {
        if (certs.observe(results) > 0) sender.kick();
      } catch (error) {
        log.error({ err: error }, 'certificate expiry check failed');
      }
    }),
  ];
  let escalation: NodeJS.Timeout | undefined;
  return {
    config,
    outbox,
    ackLinks,
    maintenance,
    sender,
    options,
    start() {
      const caught = deps.db.transaction(
        () =>
          router.reconcile(deps.openIncidents()) +
          router.reconcileStatuses(services.status.statuses(), deps.now()),
      )();
      if (caught > 0)
        log.warn({ changes: caught }, 'announcing incident changes stored while alerting was not running');
      sender.start();
      maintenance.start();
      escalation = setInterval(() => {
        try {
          const staged = deps.db.transaction(() => router.escalate(deps.now()))();
          if (staged > 0) sender.kick();
        } catch (error) {
          log.error({ err: error }, 'escalation pass failed');
        }
      }, options.escalationTickMs);
      escalation.unref();
    },
    async stop() {
      for (const stop of unsubscribe) stop();
      clearInterval(escalation);
      maintenance.stop();
      await sender.stop();
    },
  };
}

/** What a monitor checks, as a reader of an alert recognises it. */
function targetOf(monitor: Monitor): string | undefined {
  switch (monitor.type) {
    case 'http':
    case 'browser':
      return monitor.url;
    case 'tcp':
      return `${monitor.host}:${monitor.port}`;
    case 'tls':
      return monitor.host;
    case 'dns':
      return monitor.hostname;
    default:
      return undefined;
  }
}
