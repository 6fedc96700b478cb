import type { Condition } from '../conditions/condition.js';
import { parseCondition } from '../conditions/parse-condition.js';
import type { Monitor } from './monitor-schema.js';

const cache = new WeakMap<Monitor, Condition[]>();

/**
 * The full list of conditions a check of this monitor is judged by, parsed: the implicit ones
 * that its typed fields stand for, then the user's own. The order decides which failure names
 * the result, so the most telling comes first:
 * 1. the expected status (HTTP), unless the user's conditions test `status` themselves;
 * 2. certificate already expired (HTTPS, TLS) → down;
 * 3. each expected DNS answer;
 * 4. the user's conditions, in their order;
 * 5. response-time limits: over `downAboveMs` → down, over `degradedAboveMs` → degraded;
 * 6. certificate expiring within `certMinDays` → degraded.
 * Monitors are immutable once validated, so the parsed list is cached per monitor object.
 */
export function effectiveConditions(monitor: Monitor): Condition[] {
  const cached = cache.get(monitor);
  if (cached) return cached;
  const conditions = implicitTexts(monitor).map(parseOrThrow);
  cache.set(monitor, conditions);
  return conditions;
}

function implicitTexts(monitor: Monitor): string[] {
  const before: string[] = [];
  const after: string[] = [];
  const user = monitor.conditions;
  let certMinDays = 0;
  if (monitor.type === 'http') {
    if (!user.some((text) => /^\s*status\b/.test(text)))
      before.push(expectedStatusCondition(monitor.expectedStatus));
    // URL schemes are case-insensitive and the schema keeps the text as typed (`HTTPS://...`).
    if (/^https:/i.test(monitor.url)) {
      certMinDays = monitor.certMinDays;
      before.push('cert_expires_in > 0s');
    }
  }
  if (monitor.type === 'tls') {
    certMinDays = monitor.certMinDays;
    before.push('cert_expires_in > 0s');
  }
  if (monitor.type === 'dns') {
    for (const answer of monitor.expectedAnswers)
      before.push(`dns.answers contains ${JSON.stringify(answer)}`);
  }
  if (monitor.downAboveMs !== undefined) after.push(`response_time <= ${monitor.downAboveMs}`);
  if (monitor.degradedAboveMs !== undefined)
    after.push(`response_time <= ${monitor.degradedAboveMs} else degraded`);
  if (certMinDays > 0) after.push(`cert_expires_in > ${certMinDays}d else degraded`);
  return [...before, ...user, ...after];
}

/** The condition an HTTP monitor's `expectedStatus` stands for: `302` → `status == 302`, `200..299` → `status in 200..299`. */
export function expectedStatusCondition(expected: string): string {
  const trimmed = expected.trim();
  return /^\d+$/.test(trimmed) ? `status == ${trimmed}` : `status in ${trimmed}`;
}

function parseOrThrow(text: string): Condition {
  const parsed = parseCondition(text);
  // Validation already parsed every user condition; a failure here is a bug in the implicit texts.
  if (!parsed.ok) throw new Error(`internal condition "${text}" does not parse: ${parsed.error.message}`);
  return parsed.value;
}
