import {
  Evaluator,
  type EvaluatorOutput,
  EvaluatorSnapshot,
  evaluatedMonitorOf,
  type Incident,
  type ResultEvent,
  resultEventOf,
} from '@vantage/shared';
import type { Logger } from 'pino';
import type { RelayStorage } from '../relay-context.js';

/** Results read per page while replaying the log. */
const REPLAY_PAGE = 5000;

/** An evaluator brought back to where the log stands, and the outputs the catch-up produced. */
export interface RecoveredEvaluator {
  evaluator: Evaluator;
  /** The highest log cursor the evaluator has seen. */
  cursor: number;
  /** How many results were replayed from the log. */
  replayed: number;
}

/**
 * Rebuilds the evaluator after a start or a crash:
 * 1. restore the saved snapshot and its cursor (an unreadable one starts empty, from the log's tail);
 * 2. bring its monitor set to the stored one (monitors may have changed after the snapshot);
 * 3. replay every result after the cursor, handing the outputs (and the evaluator they came
 *    from) to `handle` page by page;
 * 4. close stored incidents the evaluator no longer holds open (the crash lost the events that
 *    would have resolved them: ticks and probe health are not in the log) via `resolveOrphan`;
 * 5. lift each monitor's incident counter to the highest number stored, so ids are never reused.
 */
export function recoverEvaluator(
  storage: RelayStorage,
  log: Logger,
  handle: (outputs: readonly EvaluatorOutput[], evaluator: Evaluator) => void,
  resolveOrphan: (incident: Incident) => void,
): RecoveredEvaluator {
  const saved = storage.evaluatorState.load();
  const parsed = saved === null ? null : EvaluatorSnapshot.safeParse(saved.snapshot);
  let evaluator: Evaluator;
  let cursor: number;
  if (saved !== null && parsed?.success) {
    evaluator = Evaluator.restore(parsed.data);
    cursor = saved.cursor;
  } else {
    if (saved !== null) log.warn('saved evaluator state is unreadable; rebuilding it from the result log');
    evaluator = new Evaluator();
    cursor = Math.max(0, storage.results.tailCursor() - 1);
  }

  const stored = new Set(storage.monitors.list().map((m) => m.id));
  const sync: Parameters<Evaluator['applyAll']>[0] = [
    ...storage.monitors.list().map((m) => ({ type: 'monitor.set' as const, monitor: evaluatedMonitorOf(m) })),
    ...evaluator
      .monitorIds()
      .filter((id) => !stored.has(id))
      .map((monitorId) => ({ type: 'monitor.remove' as const, monitorId })),
  ];
  handle(evaluator.applyAll(sync), evaluator);

  let replayed = 0;
  for (;;) {
    const page = storage.results.readAfter(cursor, REPLAY_PAGE);
    if (page.length === 0) break;
    const events: ResultEvent[] = [];
    for (const result of page) {
      const event = resultEventOf(result);
      if (event !== undefined) events.push(event);
    }
    handle(evaluator.applyAll(events), evaluator);
    cursor = page.at(-1)!.cursor;
    replayed += page.length;
  }

  for (const incident of storage.incidents.listOpen()) {
    if (evaluator.openIncident(incident.monitorId)?.id !== incident.id) resolveOrphan(incident);
  }

  const snapshot = evaluator.snapshot();
  const counts = new Map(snapshot.incidentCounts.map((c) => [c.monitorId, c.count]));
  let lifted = false;
  for (const [monitorId, count] of storage.incidents.incidentCounts()) {
    if (count > (counts.get(monitorId) ?? 0)) {
      counts.set(monitorId, count);
      lifted = true;
    }
  }
  if (lifted) {
    snapshot.incidentCounts = [...counts].map(([monitorId, count]) => ({ monitorId, count }));
    evaluator = Evaluator.restore(snapshot);
  }
  return { evaluator, cursor, replayed };
}
