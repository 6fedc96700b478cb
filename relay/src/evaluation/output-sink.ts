import type { EvaluatorOutput, Incident, MonitorStatusEntry, RelayToDesktopInput } from '@vantage/shared';
import type { Logger } from 'pino';
import type { RelayStorage } from '../relay-context.js';
import type {
  IncidentChange,
  IncidentEvent,
  IncidentListeners,
  StatusChangeEvent,
} from './incident-listeners.js';

const MAX_MESSAGE = 2000;

/** Shortens text to what the wire schemas allow. */
export function clip(text: string, max = MAX_MESSAGE): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type IncidentOutput = Extract<
  EvaluatorOutput,
  { type: 'incident.opened' | 'incident.updated' | 'incident.resolved' }
>;
type StatusFrame = Extract<RelayToDesktopInput, { type: 'event.status' }>;
type Announcement = { kind: 'status'; frame: StatusFrame } | { kind: 'incident'; event: IncidentEvent };

function changeOf(output: IncidentOutput): IncidentChange {
  if (output.type === 'incident.opened') return 'opened';
  if (output.type === 'incident.resolved') return 'resolved';
  return output.incident.timeline.at(-1)?.kind === 'acknowledged' ? 'acknowledged' : 'updated';
}

/** Whether the stored copy already records everything this version of the incident says. */
function alreadyStored(stored: Incident | null, incident: Incident): boolean {
  return (
    stored !== null &&
    stored.timeline.length === incident.timeline.length &&
    stored.resolvedAt === incident.resolvedAt &&
    stored.acknowledgedAt === incident.acknowledgedAt
  );
}

function statusEventOf(frame: StatusFrame): StatusChangeEvent {
  const { monitorId, status, previous, ts, message } = frame;
  return { monitorId, from: previous, to: status, ts, message };
}

/** What the sink needs from the rest of the relay. */
export interface OutputSinkDeps {
  storage: RelayStorage;
  /** Sends an event to every connected desktop. */
  broadcast(frame: RelayToDesktopInput): void;
  listeners: IncidentListeners;
  /** The current status entry of a monitor, or null once it is gone. */
  statusOf(monitorId: string): MonitorStatusEntry | null;
  now(): number;
  log: Logger;
}

/**
 * Where evaluator outputs go:
 * 1. incidents and the changed monitors' statuses are written in one transaction;
 * 2. then desktops get `event.status` and `event.incident`, in output order;
 * 3. then incident listeners get each change the database did not already hold, and status
 *    listeners every status change (in-transaction listeners, the alert outbox, got them inside
 *    step 1, in output order).
 */
export class OutputSink {
  readonly #regionMessages = new Map<string, string>();
  readonly #monitorMessages = new Map<string, string>();

  constructor(private readonly deps: OutputSinkDeps) {}

  /** The message of a region's last change (why it went down), if any. */
  regionMessage(monitorId: string, region: string): string | undefined {
    return this.#regionMessages.get(`${monitorId}\n${region}`);
  }

  /** Forgets what the sink kept about a removed monitor. */
  forget(monitorId: string): void {
    this.#monitorMessages.delete(monitorId);
    for (const key of this.#regionMessages.keys())
      if (key.startsWith(`${monitorId}\n`)) this.#regionMessages.delete(key);
    this.deps.storage.monitorStatus.delete(monitorId);
  }

  /** Stores, announces and hands on one batch of outputs. */
  handle(outputs: readonly EvaluatorOutput[]): void {
    if (outputs.length === 0) return;
    const { storage, broadcast, listeners } = this.deps;
    const dirty = new Set<string>();
    const fresh = new Set<IncidentEvent>();
    const announcements: Announcement[] = [];
    for (const output of outputs) {
      switch (output.type) {
        case 'region.changed':
          this.#regionMessages.set(`${output.monitorId}\n${output.region}`, clip(output.message));
          dirty.add(output.monitorId);
          break;
        case 'monitor.changed':
          this.#monitorMessages.set(output.monitorId, clip(output.message));
          dirty.add(output.monitorId);
          announcements.push({
            kind: 'status',
            frame: {
              type: 'event.status',
              monitorId: output.monitorId,
              status: output.to,
              previous: output.from,
              ts: output.ts,
              message: clip(output.message),
            },
          });
          break;
        default:
          announcements.push({
            kind: 'incident',
            event: { change: changeOf(output), incident: output.incident },
          });
      }
    }
    storage.transaction(() => {
      for (const item of announcements) {
        if (item.kind !== 'incident') {
          listeners.stageStatus(statusEventOf(item.frame));
          continue;
        }
        const { incident } = item.event;
        const isFresh = !alreadyStored(storage.incidents.get(incident.id), incident);
        storage.incidents.save(incident);
        if (isFresh) {
          fresh.add(item.event);
          // The alert outbox is written in this very transaction: a change is stored with its alerts or not at all.
          listeners.stage(item.event);
        }
      }
      for (const monitorId of dirty) {
        const entry = this.deps.statusOf(monitorId);
        if (entry !== null)
          storage.monitorStatus.save(entry, this.#monitorMessages.get(monitorId) ?? '', this.deps.now());
      }
    });
    for (const item of announcements) {
      if (item.kind === 'status') {
        const entry = this.deps.statusOf(item.frame.monitorId);
        broadcast(entry === null ? item.frame : { ...item.frame, regions: entry.regions });
        listeners.emitStatus(statusEventOf(item.frame));
      } else if (fresh.has(item.event)) {
        broadcast({ type: 'event.incident', change: item.event.change, incident: item.event.incident });
        listeners.emit(item.event);
      }
    }
  }
}
