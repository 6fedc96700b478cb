/** A half-open span of time [start, end) in epoch ms. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** The union of spans as sorted, disjoint spans; empty spans vanish, overlapping or touching ones join. */
export function unionSpans(spans: Iterable<TimeSpan>): TimeSpan[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: TimeSpan[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** Sorted, disjoint spans cut to [from, to); spans outside vanish. */
export function clipSpans(spans: readonly TimeSpan[], from: number, to: number): TimeSpan[] {
  const out: TimeSpan[] = [];
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The parts of sorted, disjoint `spans` not covered by sorted, disjoint `holes`. */
export function subtractSpans(spans: readonly TimeSpan[], holes: readonly TimeSpan[]): TimeSpan[] {
  const out: TimeSpan[] = [];
  let first = 0;
  for (const span of spans) {
    // Holes that end before this span also end before every later one: never look at them again.
    while (first < holes.length && holes[first]!.end <= span.start) first++;
    let cursor = span.start;
    for (let i = first; i < holes.length && holes[i]!.start < span.end; i++) {
      const hole = holes[i]!;
      if (hole.start > cursor) out.push({ start: cursor, end: hole.start });
      cursor = Math.max(cursor, hole.end);
    }
    if (cursor < span.end) out.push({ start: cursor, end: span.end });
  }
  return out;
}

/** Total length in ms of disjoint spans. */
export function totalLength(spans: readonly TimeSpan[]): number {
  let sum = 0;
  for (const span of spans) sum += span.end - span.start;
  return sum;
}
