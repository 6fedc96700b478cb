/** How the panel says when a heartbeat is next due; "never" for a cron that never fires again. */
export function dueText(
  nextDueAt: number | null,
  now: number,
  span: (ms: number) => string,
  when: (at: number, now: number) => string,
): string {
  if (nextDueAt === null) return '—';
  // nextDueAt is MAX_SAFE_INTEGER for a pattern with no next time (beyond any Date).
  if (nextDueAt >= Number.MAX_SAFE_INTEGER || Number.isNaN(new Date(nextDueAt).getTime())) return 'never';
  if (nextDueAt >= now) return `in ${span(nextDueAt - now)} (${when(nextDueAt, now)})`;
  return `${span(now - nextDueAt)} ago (${when(nextDueAt, now)})`;
}
