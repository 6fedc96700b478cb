import {
  type AlertNotice,
  type AlertNoticeKind,
  type AlertRule,
  type Incident,
  type MonitorStatus,
  ruleMatches,
  scheduleAllows,
} from '@vantage/shared';
import type { IncidentEvent } from '../../evaluation/incident-listeners.js';
import type { AlertOutbox } from '../outbox/alert-outbox.js';
import type { AlertConfigStore } from '../store/alert-config-store.js';
import { planEscalation } from './escalation-plan.js';
import type { IncidentAlertState, IncidentAlertStates } from './incident-alert-state.js';

/** What the router knows of a monitor. */
export interface MonitorFacts {
  name: string;
  tags: readonly string[];
  target?: string;
}

/** What the router needs. */
export interface AlertRouterDeps {
  config: AlertConfigStore;
  outbox: AlertOutbox;
  states: IncidentAlertStates;
  monitor(monitorId: string): MonitorFacts | undefined;
  status(monitorId: string): MonitorStatus | undefined;
  incident(incidentId: string): Incident | null;
  now(): number;
}

// While a monitor waits on its parent or is in maintenance, nobody is paged about it.
const QUIET: ReadonlySet<MonitorStatus> = new Set(['dependency_down', 'maintenance', 'paused']);
const QUIET_RETRY_MS = 60_000;

/**
 * Turns incident changes into staged notices, per the alert rules, escalation policies and
 * channel schedules. {@link stageIncident} runs inside the transaction storing the change;
 * {@link escalate} runs on a timer for steps and reminders that come due.
 */
export class AlertRouter {
  constructor(private readonly deps: AlertRouterDeps) {}

  /** Stages the notices one incident change calls for. */
  stageIncident(event: IncidentEvent): void {
    const { incident } = event;
    const { states } = this.deps;
    if (event.change === 'opened') this.#open(incident);
    else if (event.change === 'acknowledged') {
      const state = states.get(incident.id);
      if (state === undefined) return;
      this.#stage(state.notified, 'acknowledged', incident);
      states.put(incident.id, { ...state, acknowledged: true }, null);
    } else if (event.change === 'resolved') {
      const state = states.get(incident.id);
      if (state === undefined) return;
      this.#stage(state.resolveTo, 'recovered', incident);
      states.delete(incident.id);
    }
  }

  /**
   * Catches up on changes stored while nothing listened: the evaluator replays the log at start,
   * before alerting is attached, so an incident opened, acknowledged or resolved in that replay
   * (after a kill -9 between a result's commit and its evaluation) is announced here instead of
   * being lost. Run once at start, in one transaction.
   */
  reconcile(open: readonly Incident[]): number {
    let caught = 0;
    const tracked = new Set(this.deps.states.ids());
    for (const incident of open) {
      if (tracked.has(incident.id)) continue;
      this.stageIncident({ change: 'opened', incident });
      caught += 1;
    }
    const openIds = new Set(open.map((i) => i.id));
    for (const incidentId of tracked) {
      const incident = this.deps.incident(incidentId);
      const state = this.deps.states.get(incidentId);
      if (incident === null || state === undefined) continue;
      if (!openIds.has(incidentId) && incident.resolvedAt !== undefined) {
        this.stageIncident({ change: 'resolved', incident });
        caught += 1;
      } else if (incident.acknowledgedAt !== undefined && !state.acknowledged) {
        this.stageIncident({ change: 'acknowledged', incident });
        caught += 1;
      }
    }
    return caught;
  }

  /** Fires the escalation steps and reminders due at `now`; returns how many notices were staged. */
  escalate(now: number): number {
    let staged = 0;
    for (const { incidentId, state } of this.deps.states.due(now)) {
      const incident = this.deps.incident(incidentId);
      if (incident === null || incident.resolvedAt !== undefined || state.acknowledged) {
        this.deps.states.delete(incidentId);
        continue;
      }
      const policy =
        state.escalationPolicyId === null
          ? undefined
          : this.deps.config.get('escalation', state.escalationPolicyId);
      if (policy === undefined) {
        this.deps.states.put(incidentId, state, null);
        continue;
      }
      const status = this.deps.status(state.monitorId);
      if (status !== undefined && QUIET.has(status)) {
        this.deps.states.put(incidentId, state, now + QUIET_RETRY_MS);
        continue;
      }
      const due = planEscalation(policy, state.progress, now);
      const notified = new Set(state.notified);
      if (due.remind) staged += this.#stage(state.notified, 'reminder', incident).length;
      for (const channels of due.steps) {
        staged += this.#stage(channels, 'escalation', incident).length;
        for (const channel of channels) notified.add(channel);
      }
      const resolveTo = policy.notifyResolve
        ? [...new Set([...state.resolveTo, ...notified])]
        : state.resolveTo;
      this.deps.states.put(
        incidentId,
        { ...state, notified: [...notified], resolveTo, progress: due.progress },
        due.nextDueAt,
      );
    }
    return staged;
  }

  #open(incident: Incident): void {
    const monitor = this.deps.monitor(incident.monitorId);
    if (monitor === undefined) return;
    const rules = this.deps.config
      .list('rule')
      .filter((rule) => ruleMatches(rule, { id: incident.monitorId, tags: monitor.tags }));
    const notified = this.#stage(channelsOf(rules, 'down'), 'down', incident, monitor);
    const escalationPolicyId =
      rules.find((r) => r.escalationPolicyId !== undefined)?.escalationPolicyId ?? null;
    const policy =
      escalationPolicyId === null ? undefined : this.deps.config.get('escalation', escalationPolicyId);
    const progress = { openedAt: incident.openedAt, stepsFired: 0, lastReminderAt: null };
    const resolveTo = channelsOf(rules, 'recovered').filter((c) => notified.includes(c));
    const state: IncidentAlertState = {
      monitorId: incident.monitorId,
      notified,
      resolveTo,
      escalationPolicyId,
      acknowledged: false,
      progress,
    };
    const nextDueAt =
      policy === undefined ? null : planEscalation(policy, progress, incident.openedAt - 1).nextDueAt;
    // Kept even when nobody was paged: the row marks the opening as handled (see reconcile).
    this.deps.states.put(incident.id, state, nextDueAt);
  }

  /** Stages one notice to each enabled channel whose schedule allows it now; returns those channels. */
  #stage(
    channels: readonly string[],
    kind: AlertNoticeKind,
    incident: Incident,
    facts?: MonitorFacts,
  ): string[] {
    const monitor = facts ?? this.deps.monitor(incident.monitorId);
    const now = this.deps.now();
    const staged: string[] = [];
    for (const channelId of new Set(channels)) {
      const channel = this.deps.config.get('channel', channelId);
      if (channel === undefined || !channel.enabled) continue;
      if (!scheduleAllows(this.deps.config.get('schedule', channelId), now)) continue;
      this.deps.outbox.stage(channelId, noticeOf(kind, incident, monitor), now);
      staged.push(channelId);
    }
    return staged;
  }
}

function channelsOf(rules: readonly AlertRule[], kind: 'down' | 'recovered'): string[] {
  return [...new Set(rules.filter((r) => r.on[kind]).flatMap((r) => r.channels))];
}

/** The notice a channel gets about an incident. */
export function noticeOf(
  kind: AlertNoticeKind,
  incident: Incident,
  monitor: MonitorFacts | undefined,
): AlertNotice {
  return {
    kind,
    monitorId: incident.monitorId,
    monitorName: monitor?.name ?? incident.monitorId,
    incidentId: incident.id,
    ...(monitor?.target === undefined ? {} : { target: monitor.target }),
    cause: incident.cause,
    regions: incident.regions,
    openedAt: incident.openedAt,
    ...(incident.resolvedAt === undefined ? {} : { resolvedAt: incident.resolvedAt }),
    ...(incident.acknowledgedAt === undefined ? {} : { acknowledgedAt: incident.acknowledgedAt }),
    ...(incident.acknowledgedBy === undefined ? {} : { acknowledgedBy: incident.acknowledgedBy }),
  };
}
