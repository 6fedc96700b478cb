import type { Incident, MonitorStatus } from '@vantage/shared';
import type { IncidentEvent, StatusChangeEvent } from '../../evaluation/incident-listeners.js';
import type { AlertOutbox } from '../outbox/alert-outbox.js';
import type { AlertConfigStore } from '../store/alert-config-store.js';
import { DegradedAlerts } from './degraded-alerts.js';
import type { DegradedStories } from './degraded-stories.js';
import { planEscalation } from './escalation-plan.js';
import type { IncidentAlertState, IncidentAlertStates } from './incident-alert-state.js';
import { channelsOf, type MonitorFacts, NoticeStager } from './notice-stager.js';

export { type MonitorFacts, noticeOf } from './notice-stager.js';

/** What the router needs. */
export interface AlertRouterDeps {
  config: AlertConfigStore;
  outbox: AlertOutbox;
  states: IncidentAlertStates;
  stories: DegradedStories;
  monitor(monitorId: string): MonitorFacts | undefined;
  status(monitorId: string): MonitorStatus | undefined;
  incident(incidentId: string): Incident | null;
  now(): number;
}

// While a monitor waits on its parent or is in maintenance, nobody is paged about it.
const QUIET: ReadonlySet<MonitorStatus> = new Set(['dependency_down', 'maintenance', 'paused']);
const QUIET_RETRY_MS = 60_000;

/**
 * Turns incident and status changes into staged notices, per the alert rules, escalation policies
 * and channel schedules. {@link stageIncident} and {@link stageStatus} run inside the transaction
 * storing the change; {@link escalate} runs on a timer for steps and reminders that come due.
 * Degraded, down and recovered are one story per monitor: a degraded spell opens a story (see
 * DegradedStories), a down incident that follows continues it, and the one recovery goes out
 * when the monitor is up again, each notice carrying the story's first id as `storyId`.
 */
export class AlertRouter {
  readonly #stager: NoticeStager;
  readonly #degraded: DegradedAlerts;

  constructor(private readonly deps: AlertRouterDeps) {
    this.#stager = new NoticeStager(deps);
    this.#degraded = new DegradedAlerts(this.#stager, deps.stories, deps.states);
  }

  /** Stages the notices one incident change calls for. */
  stageIncident(event: IncidentEvent): void {
    const { incident } = event;
    const { states } = this.deps;
    if (event.change === 'opened') this.#open(incident);
    else if (event.change === 'acknowledged') {
      const state = states.get(incident.id);
      if (state === undefined) return;
      this.#stager.stage(state.notified, 'acknowledged', incident, undefined, state.storyId);
      states.put(incident.id, { ...state, acknowledged: true }, null);
    } else if (event.change === 'resolved') {
      const state = states.get(incident.id);
      if (state === undefined) return;
      // Down → degraded: whoever was just told "degraded" hears the recovery when it is up.
      const story = this.deps.stories.get(incident.monitorId);
      const held = story?.storyId === (state.storyId ?? incident.id) ? story.notified : [];
      const resolveTo = state.resolveTo.filter((c) => !held.includes(c));
      this.#stager.stage(resolveTo, 'recovered', incident, undefined, state.storyId);
      states.delete(incident.id);
    }
  }

  /** Stages the notices a monitor status change calls for: the start and end of degraded spells. */
  stageStatus(event: StatusChangeEvent): void {
    this.#degraded.stageStatus(event);
  }

  /**
   * Catches up on degraded spells that began or ended while alerting did not run (see
   * {@link reconcile}). Run once at start, in one transaction; returns how many changed.
   */
  reconcileStatuses(
    statuses: ReadonlyArray<{ monitorId: string; status: MonitorStatus }>,
    now: number,
  ): number {
    return this.#degraded.reconcile(statuses, now);
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
      if (due.remind)
        staged += this.#stager.stage(state.notified, 'reminder', incident, undefined, state.storyId).length;
      for (const channels of due.steps) {
        staged += this.#stager.stage(channels, 'escalation', incident, undefined, state.storyId).length;
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
    const rules = this.#stager.rulesFor(incident.monitorId, monitor);
    // Degraded → down: the incident continues the degraded story, which it now carries.
    const story = this.deps.stories.get(incident.monitorId);
    const storyId = story?.storyId;
    const notified = this.#stager.stage(channelsOf(rules, 'down'), 'down', incident, monitor, storyId);
    const escalationPolicyId =
      rules.find((r) => r.escalationPolicyId !== undefined)?.escalationPolicyId ?? null;
    const policy =
      escalationPolicyId === null ? undefined : this.deps.config.get('escalation', escalationPolicyId);
    const progress = { openedAt: incident.openedAt, stepsFired: 0, lastReminderAt: null };
    const resolveTo = [
      ...new Set([
        ...channelsOf(rules, 'recovered').filter((c) => notified.includes(c)),
        ...(story?.resolveTo ?? []),
      ]),
    ];
    const state: IncidentAlertState = {
      monitorId: incident.monitorId,
      notified,
      resolveTo,
      escalationPolicyId,
      acknowledged: false,
      progress,
      ...(storyId === undefined ? {} : { storyId }),
    };
    if (story !== undefined) this.deps.stories.delete(incident.monitorId);
    const nextDueAt =
      policy === undefined ? null : planEscalation(policy, progress, incident.openedAt - 1).nextDueAt;
    // Kept even when nobody was paged: the row marks the opening as handled (see reconcile).
    this.deps.states.put(incident.id, state, nextDueAt);
  }
}
