import { type AlertNotice, type AlertRule, type CheckResult, ruleMatches } from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { AlertConfigStore } from '../store/alert-config-store.js';
import type { MonitorFacts, NoticeStager } from './notice-stager.js';

const DAY_MS = 86_400_000;
/** The threshold row that records a certificate's renewal as announced. */
const RENEWED = -1;

/** What certificate-expiry alerting needs. */
export interface CertExpiryAlertsDeps {
  db: Database.Database;
  config: AlertConfigStore;
  stager: NoticeStager;
  now(): number;
}

/**
 * Certificate-expiry notices from the expiry that HTTPS and TLS results carry (`certExpiresAt`):
 * 1. a result whose certificate expires within a threshold of a matching rule (`on.certExpiry`,
 *    `certExpiryDays`, default 14, 7 and 3 days) crosses every threshold at or above its days left;
 * 2. each threshold is announced once per monitor and certificate, remembered in
 *    `alert_cert_notices` with the notices in one transaction, so a restart does not repeat it; a
 *    renewed certificate has another expiry and starts over;
 * 3. thresholds crossed at once (first seen 5 days before expiry) make one notice per channel;
 * 4. a result showing a later expiry than a certificate already announced for the monitor means
 *    it was renewed: the old certificate's story gets one `recovered` notice (PagerDuty resolves
 *    its alert), remembered as threshold {@link RENEWED} so it is told once;
 * 5. this runs for every stored batch, so results without an expiry, from unhealthy probes or
 *    further from expiry than any rule's largest threshold cost a comparison and a map lookup,
 *    one already announced a lookup in memory; the database is touched only when something is new.
 */
export class CertExpiryAlerts {
  readonly #seen: Database.Statement<[string, number], { threshold_days: number }>;
  readonly #mark: Database.Statement<[string, number, number, number]>;
  /** Thresholds already announced, by `monitorId\nexpiry`; filled from the table on first use. */
  readonly #announced = new Map<string, Set<number>>();
  readonly #openStories: Database.Statement<
    [],
    { monitor_id: string; cert_expires_at: number; opened_at: number }
  >;
  /** Announced, not yet renewed certificates: expiry to first notice time, by monitor; read on first use. */
  #open: Map<string, Map<number, number>> | undefined;

  constructor(private readonly deps: CertExpiryAlertsDeps) {
    this.#seen = deps.db.prepare(
      'SELECT threshold_days FROM alert_cert_notices WHERE monitor_id = ? AND cert_expires_at = ?',
    );
    this.#mark = deps.db.prepare(
      'INSERT OR IGNORE INTO alert_cert_notices (monitor_id, cert_expires_at, threshold_days, sent_at) VALUES (?, ?, ?, ?)',
    );
    this.#openStories = deps.db.prepare(
      `SELECT monitor_id, cert_expires_at, MIN(sent_at) AS opened_at FROM alert_cert_notices
       GROUP BY monitor_id, cert_expires_at HAVING MIN(threshold_days) > ${RENEWED}`,
    );
  }

  /** Looks at committed results and stages the notices they call for; returns how many were staged. */
  observe(results: readonly CheckResult[]): number {
    let rules: AlertRule[] | undefined;
    let horizonMs = 0;
    let crossings: Crossing[] | undefined;
    let renewals: Renewal[] | undefined;
    for (const result of results) {
      const expiresAt = result.certExpiresAt;
      if (expiresAt === undefined || !result.probeHealthy) continue;
      if (rules === undefined) {
        rules = this.deps.config.list('rule').filter((r) => r.on.certExpiry && r.channels.length > 0);
        horizonMs = Math.max(0, ...rules.flatMap((r) => r.certExpiryDays)) * DAY_MS;
      }
      const open = this.#openFor(result.monitorId);
      if (open !== undefined)
        for (const [oldExpiry, openedAt] of open)
          if (oldExpiry < expiresAt) {
            open.delete(oldExpiry);
            (renewals ??= []).push({ result, oldExpiry, openedAt, rules });
          }
      if (expiresAt - result.ts > horizonMs) continue;
      const crossing = this.#crossing(result, expiresAt, rules);
      if (crossing !== undefined) (crossings ??= []).push(crossing);
    }
    if (crossings === undefined && renewals === undefined) return 0;
    const [work, renewed] = [crossings ?? [], renewals ?? []];
    try {
      return this.deps.db.transaction(
        () =>
          work.reduce((n, c) => n + this.#announce(c), 0) +
          renewed.reduce((n, r) => n + this.#announceRenewal(r), 0),
      )();
    } catch (error) {
      // The caches hold marks the rollback undid: read them again from the table.
      this.#announced.clear();
      this.#open = undefined;
      throw error;
    }
  }

  /** The monitor's announced, unrenewed certificates (undefined for none; the common case). */
  #openFor(monitorId: string): Map<number, number> | undefined {
    if (this.#open === undefined) {
      this.#open = new Map();
      for (const row of this.#openStories.all())
        this.#openMap(row.monitor_id).set(row.cert_expires_at, row.opened_at);
    }
    return this.#open.get(monitorId);
  }

  #openMap(monitorId: string): Map<number, number> {
    let open = this.#open!.get(monitorId);
    if (open === undefined) this.#open!.set(monitorId, (open = new Map()));
    return open;
  }

  /** The thresholds a result newly crosses, marked as announced in memory; undefined for none. */
  #crossing(result: CheckResult, expiresAt: number, rules: readonly AlertRule[]): Crossing | undefined {
    const daysLeft = (expiresAt - result.ts) / DAY_MS;
    const monitor = this.deps.stager.monitor(result.monitorId);
    if (monitor === undefined) return undefined;
    const matching = rules.filter((rule) => ruleMatches(rule, { id: result.monitorId, tags: monitor.tags }));
    const announced = this.#announcedFor(result.monitorId, expiresAt);
    const fresh = [
      ...new Set(
        matching.flatMap((rule) => rule.certExpiryDays.filter((d) => daysLeft <= d && !announced.has(d))),
      ),
    ];
    if (fresh.length === 0) return undefined;
    for (const days of fresh) announced.add(days);
    this.#openFor(result.monitorId);
    const open = this.#openMap(result.monitorId);
    if (!open.has(expiresAt)) open.set(expiresAt, this.deps.now());
    return { result, expiresAt, monitor, fresh, rules: matching, daysLeft };
  }

  /** Records the crossed thresholds and stages one notice per channel of the rules having one. */
  #announce({ result, expiresAt, monitor, fresh, rules, daysLeft }: Crossing): number {
    const now = this.deps.now();
    for (const days of fresh) this.#mark.run(result.monitorId, expiresAt, days, now);
    const channels = rules
      .filter((rule) => rule.certExpiryDays.some((d) => fresh.includes(d)))
      .flatMap((rule) => rule.channels);
    const notice = certNotice(result, expiresAt, monitor, Math.max(0, Math.floor(daysLeft)));
    return this.deps.stager.stageNotice(channels, notice).length;
  }

  /** Records the renewal and tells the channels of the monitor's certificate rules that the old story ended. */
  #announceRenewal({ result, oldExpiry, openedAt, rules }: Renewal): number {
    this.#mark.run(result.monitorId, oldExpiry, RENEWED, this.deps.now());
    const monitor = this.deps.stager.monitor(result.monitorId);
    if (monitor === undefined) return 0;
    const channels = rules
      .filter((rule) => ruleMatches(rule, { id: result.monitorId, tags: monitor.tags }))
      .flatMap((rule) => rule.channels);
    const notice: AlertNotice = {
      kind: 'recovered',
      monitorId: result.monitorId,
      monitorName: monitor.name,
      incidentId: certStoryId(result.monitorId, oldExpiry),
      ...(monitor.target === undefined ? {} : { target: monitor.target }),
      cause: `The certificate was renewed; it now expires ${new Date(result.certExpiresAt!).toISOString().slice(0, 10)}`,
      regions: [result.region],
      openedAt,
      resolvedAt: result.ts,
      certExpiresAt: result.certExpiresAt!,
    };
    return this.deps.stager.stageNotice(channels, notice).length;
  }

  #announcedFor(monitorId: string, expiresAt: number): Set<number> {
    const key = `${monitorId}\n${expiresAt}`;
    let announced = this.#announced.get(key);
    if (announced === undefined) {
      announced = new Set(this.#seen.all(monitorId, expiresAt).map((row) => row.threshold_days));
      this.#announced.set(key, announced);
    }
    return announced;
  }
}

/** A result showing that an announced certificate was replaced by one expiring later. */
interface Renewal {
  result: CheckResult;
  oldExpiry: number;
  openedAt: number;
  rules: AlertRule[];
}

/** One id per certificate: every threshold of one certificate, and its renewal, is one story. */
function certStoryId(monitorId: string, expiresAt: number): string {
  return `${monitorId}:cert:${expiresAt}`;
}

/** Thresholds one result newly crossed, with what announcing them needs. */
interface Crossing {
  result: CheckResult;
  expiresAt: number;
  monitor: MonitorFacts;
  fresh: number[];
  rules: AlertRule[];
  daysLeft: number;
}

function certNotice(
  result: CheckResult,
  expiresAt: number,
  monitor: MonitorFacts,
  days: number,
): AlertNotice {
  const issuer = result.certIssuer === undefined ? '' : ` (issued by ${result.certIssuer})`;
  return {
    kind: 'cert-expiry',
    monitorId: result.monitorId,
    monitorName: monitor.name,
    incidentId: certStoryId(result.monitorId, expiresAt),
    ...(monitor.target === undefined ? {} : { target: monitor.target }),
    cause:
      expiresAt <= result.ts
        ? `The certificate expired${issuer}`
        : `The certificate expires in ${days} ${days === 1 ? 'day' : 'days'}${issuer}`,
    regions: [result.region],
    openedAt: result.ts,
    certExpiresAt: expiresAt,
  };
}
