import type { Incident, MonitorStatus } from '@vantage/shared';
import type { StatusChangeEvent } from '../../evaluation/incident-listeners.js';
import type { DegradedStories } from './degraded-stories.js';
import type { IncidentAlertStates } from './incident-alert-state.js';
import { channelsOf, type NoticeStager } from './notice-stager.js';

// Statuses that end a degraded story; unknown and dependency_down keep it open, as they keep incidents.
const STORY_ENDS: ReadonlySet<MonitorStatus> = new Set(['up', 'paused', 'maintenance']);

/**
 * Degraded alerts, as stories (see DegradedStories):
 * 1. a monitor turning degraded opens a story and tells the rules' `on.degraded` channels; coming
 *    back from down, the story continues under the open incident's story id;
 * 2. a down incident that follows takes the story over (AlertRouter's opening);
 * 3. up, paused or maintenance ends the story with one recovery to the channels told of it that
 *    want recoveries.
 */
export class DegradedAlerts {
  constructor(
    private readonly stager: NoticeStager,
    private readonly stories: DegradedStories,
    private readonly states: IncidentAlertStates,
  ) {}

  /** Stages what a monitor status change calls for. */
  stageStatus(event: StatusChangeEvent): void {
    if (event.to === 'degraded') this.#open(event);
    else if (STORY_ENDS.has(event.to)) this.#end(event.monitorId, event.ts, event.message);
  }

  /**
   * Catches up on degraded spells that began or ended while alerting did not run: opens a story
   * for a degraded monitor without one, ends those of monitors that are back or gone. Returns how
   * many changed.
   */
  reconcile(statuses: ReadonlyArray<{ monitorId: string; status: MonitorStatus }>, now: number): number {
    let caught = 0;
    const current = new Map(statuses.map((s) => [s.monitorId, s.status]));
    for (const { monitorId } of this.stories.all()) {
      const status = current.get(monitorId);
      if (status !== undefined && !STORY_ENDS.has(status)) continue;
      this.#end(monitorId, now, '');
      caught += 1;
    }
    for (const [monitorId, status] of current) {
      if (status !== 'degraded' || this.stories.get(monitorId) !== undefined) continue;
      if (this.states.forMonitor(monitorId) !== undefined) continue;
      this.#open({ monitorId, from: 'up', to: 'degraded', ts: now, message: '' });
      caught += 1;
    }
    return caught;
  }

  #open(event: StatusChangeEvent): void {
    const { monitorId } = event;
    if (this.stories.get(monitorId) !== undefined) return;
    const monitor = this.stager.monitor(monitorId);
    if (monitor === undefined) return;
    const rules = this.stager.rulesFor(monitorId, monitor);
    const open = this.states.forMonitor(monitorId);
    const storyId =
      open === undefined ? `${monitorId}:degraded:${event.ts}` : (open.state.storyId ?? open.incidentId);
    const openedAt = open === undefined ? event.ts : open.state.progress.openedAt;
    const spell: Incident = {
      id: storyId,
      monitorId,
      openedAt,
      cause: event.message,
      regions: [],
      timeline: [],
    };
    const notified = this.stager.stage(channelsOf(rules, 'degraded'), 'degraded', spell, monitor, storyId);
    const wanted = [...channelsOf(rules, 'recovered'), ...(open?.state.resolveTo ?? [])];
    const resolveTo = [...new Set(wanted)].filter((c) => notified.includes(c));
    this.stories.put(monitorId, { storyId, openedAt, notified, resolveTo });
  }

  #end(monitorId: string, at: number, cause: string): void {
    const story = this.stories.get(monitorId);
    if (story === undefined) return;
    const spell: Incident = {
      id: story.storyId,
      monitorId,
      openedAt: story.openedAt,
      resolvedAt: at,
      cause,
      regions: [],
      timeline: [],
    };
    this.stager.stage(story.resolveTo, 'recovered', spell, undefined, story.storyId);
    this.stories.delete(monitorId);
  }
}
