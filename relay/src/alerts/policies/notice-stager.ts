import {
  type AlertNotice,
  type AlertNoticeKind,
  type AlertRule,
  type Incident,
  ruleMatches,
  scheduleAllows,
} from '@vantage/shared';
import type { AlertOutbox } from '../outbox/alert-outbox.js';
import type { AlertConfigStore } from '../store/alert-config-store.js';

/** What the router knows of a monitor. */
export interface MonitorFacts {
  name: string;
  tags: readonly string[];
  target?: string;
}

/** What staging notices needs. */
export interface NoticeStagerDeps {
  config: AlertConfigStore;
  outbox: AlertOutbox;
  monitor(monitorId: string): MonitorFacts | undefined;
  now(): number;
}

/** Puts notices in the outbox for the channels that may get them now; shared by every kind of alert. */
export class NoticeStager {
  constructor(private readonly deps: NoticeStagerDeps) {}

  /** The enabled rules that apply to a monitor. */
  rulesFor(monitorId: string, monitor: MonitorFacts): AlertRule[] {
    return this.deps.config
      .list('rule')
      .filter((rule) => ruleMatches(rule, { id: monitorId, tags: monitor.tags }));
  }

  /** What is known of a monitor, undefined once it is gone. */
  monitor(monitorId: string): MonitorFacts | undefined {
    return this.deps.monitor(monitorId);
  }

  /** Stages one notice about an incident to each channel that may get it now; returns those channels. */
  stage(
    channels: readonly string[],
    kind: AlertNoticeKind,
    incident: Incident,
    facts?: MonitorFacts,
    storyId?: string,
  ): string[] {
    return this.stageNotice(
      channels,
      noticeOf(kind, incident, facts ?? this.deps.monitor(incident.monitorId), storyId),
    );
  }

  /** Stages a notice to each enabled channel whose schedule allows it now; returns those channels. */
  stageNotice(channels: Iterable<string>, notice: AlertNotice): string[] {
    const now = this.deps.now();
    const staged: string[] = [];
    for (const channelId of new Set(channels)) {
      const channel = this.deps.config.get('channel', channelId);
      if (channel === undefined || !channel.enabled) continue;
      if (!scheduleAllows(this.deps.config.get('schedule', channelId), now)) continue;
      this.deps.outbox.stage(channelId, notice, now);
      staged.push(channelId);
    }
    return staged;
  }
}

/** The channels of the rules that want notices of a kind. */
export function channelsOf(rules: readonly AlertRule[], kind: 'down' | 'degraded' | 'recovered'): string[] {
  return [...new Set(rules.filter((r) => r.on[kind]).flatMap((r) => r.channels))];
}

/** The notice a channel gets about an incident, carrying `storyId` when the story began elsewhere. */
export function noticeOf(
  kind: AlertNoticeKind,
  incident: Incident,
  monitor: MonitorFacts | undefined,
  storyId?: string,
): AlertNotice {
  return {
    kind,
    monitorId: incident.monitorId,
    monitorName: monitor?.name ?? incident.monitorId,
    incidentId: incident.id,
    ...(storyId === undefined || storyId === incident.id ? {} : { storyId }),
    ...(monitor?.target === undefined ? {} : { target: monitor.target }),
    cause: incident.cause,
    regions: incident.regions,
    openedAt: incident.openedAt,
    ...(incident.resolvedAt === undefined ? {} : { resolvedAt: incident.resolvedAt }),
    ...(incident.acknowledgedAt === undefined ? {} : { acknowledgedAt: incident.acknowledgedAt }),
    ...(incident.acknowledgedBy === undefined ? {} : { acknowledgedBy: incident.acknowledgedBy }),
  };
}
