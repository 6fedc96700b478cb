import type { Monitor } from '@vantage/shared';

/** Both sides' monitor sets when a session starts. */
export interface ReconcileInput {
  local: readonly Monitor[];
  relay: readonly Monitor[];
  /** Monitors with a local change the relay has not accepted yet: the change decides, not this plan. */
  pending: ReadonlySet<string>;
  /** The relay never reconciled with this desktop (a new relay): it receives every local monitor. */
  firstSync: boolean;
}

/** What to do so both sides agree. */
export interface ReconcilePlan {
  /** Relay monitors to store locally (new here, or changed there). */
  store: Monitor[];
  /** Local monitors to delete (the relay dropped them while this desktop was away). */
  remove: string[];
  /** Local monitors to send to the relay. */
  push: Monitor[];
}

/**
 * Plans a reconciliation. On a relay this desktop synced with before, the relay's set wins: it
 * holds every change other desktops made while this one was away, and this desktop's own changes
 * have been pushed already (or are pending, and left alone). On a relay never synced before, the
 * local set wins where both have a monitor and each side keeps what only it has, so pointing the
 * desktop at a new relay (or an embedded one with a fresh database) loses nothing.
 */
export function planReconcile(input: ReconcileInput): ReconcilePlan {
  const plan: ReconcilePlan = { store: [], remove: [], push: [] };
  const local = new Map(input.local.map((m) => [m.id, m]));
  const relay = new Map(input.relay.map((m) => [m.id, m]));
  for (const [id, theirs] of relay) {
    if (input.pending.has(id)) continue;
    const ours = local.get(id);
    if (ours === undefined) plan.store.push(theirs);
    else if (sameMonitor(ours, theirs)) continue;
    else if (input.firstSync) plan.push.push(ours);
    else plan.store.push(theirs);
  }
  for (const [id, ours] of local) {
    if (input.pending.has(id) || relay.has(id)) continue;
    if (input.firstSync) plan.push.push(ours);
    else plan.remove.push(id);
  }
  return plan;
}

/** Whether two configurations are the same, whatever order their keys were written in. */
export function sameMonitor(a: Monitor, b: Monitor): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}
