import { ProbeId, RegionName } from '../results/check-result.js';

// Mirrors of CheckResult's limits. The fast-check tests (results-batch-, results-page-) property-
// test every use of this check against the schemas, so a drift fails there.
const MONITOR_ID_MAX = 64;
const MESSAGE_MAX = 2000;
const CERT_ISSUER_MAX = 500;
const VERDICTS_MAX = 100;
const VERDICT_TEXT_MAX = 2000;
/** Keys every accepted CheckResult has: the required ones and the two with defaults (absent ones defer). */
const CHECKED_KEYS = 10;

/**
 * The schema a result is checked against: `one-off` is OneOffResult (no `seq`), `checked` is
 * CheckResult, `logged` is LoggedResult (CheckResult with the log's `cursor`, at least 1).
 */
export type ResultShape = 'one-off' | 'checked' | 'logged';

/** Result ids of the previous accepted result: a batch or a page repeats a few probe ids and regions. */
let knownProbeId = '';
let knownRegion = '';

/**
 * Whether a result is valid for `shape` with nothing to strip or fill in, so the schema would
 * return it unchanged: a few property reads instead of a zod parse. False means "ask the schema".
 * Expects a value from `JSON.parse`: plain objects and arrays with own properties only.
 */
export function isPlainResult(r: unknown, shape: ResultShape): boolean {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return false;
  const o = r as Record<string, unknown>;
  const probeId = o.probeId;
  if (probeId !== knownProbeId) {
    if (typeof probeId !== 'string' || !ProbeId.safeParse(probeId).success) return false;
    knownProbeId = probeId;
  }
  const region = o.region;
  if (region !== knownRegion) {
    if (typeof region !== 'string' || !RegionName.safeParse(region).success) return false;
    knownRegion = region;
  }
  let keys = CHECKED_KEYS;
  if (shape === 'one-off') keys--;
  else {
    const seq = o.seq;
    if (!isInt(seq) || seq <= 0) return false;
  }
  if (shape === 'logged') {
    const cursor = o.cursor;
    if (!isInt(cursor) || cursor < 1) return false;
    keys++;
  }
  const monitorId = o.monitorId;
  if (typeof monitorId !== 'string' || monitorId.length < 1 || monitorId.length > MONITOR_ID_MAX) {
    return false;
  }
  const ts = o.ts;
  if (!isInt(ts) || ts < 0) return false;
  const state = o.state;
  if (state !== 'up' && state !== 'degraded' && state !== 'down') return false;
  if (!isNonNegative(o.latencyMs)) return false;
  const message = o.message;
  if (typeof message !== 'string' || message.length > MESSAGE_MAX) return false;
  const attempts = o.attempts;
  if (!isInt(attempts) || attempts < 1 || attempts > 10) return false;
  if (typeof o.probeHealthy !== 'boolean') return false;

  const phases = o.phases;
  if (phases !== undefined) {
    if (!isPhases(phases)) return false;
    keys++;
  }
  const statusCode = o.statusCode;
  if (statusCode !== undefined) {
    if (!isInt(statusCode) || statusCode < 100 || statusCode > 999) return false;
    keys++;
  }
  if (o.certExpiresAt !== undefined) {
    if (!isInt(o.certExpiresAt)) return false;
    keys++;
  }
  const certIssuer = o.certIssuer;
  if (certIssuer !== undefined) {
    if (typeof certIssuer !== 'string' || certIssuer.length > CERT_ISSUER_MAX) return false;
    keys++;
  }
  const verdicts = o.verdicts;
  if (verdicts !== undefined) {
    if (!isVerdicts(verdicts)) return false;
    keys++;
  }
  const revision = o.revision;
  if (revision !== undefined) {
    if (!isInt(revision) || revision < 0) return false;
    keys++;
  }
  // The relay marks results taken in a maintenance window, so pages carry it now and then.
  if (o.maintenance !== undefined) {
    if (typeof o.maintenance !== 'boolean') return false;
    keys++;
  }
  // Any other key would be stripped by the schema (and a known key holding `undefined` kept):
  // both leave the output unlike the input, so the schema handles them.
  return keyCount(o) === keys;
}

function isPhases(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const p = value as Record<string, unknown>;
  let keys = 0;
  if (p.dnsMs !== undefined) {
    if (!isNonNegative(p.dnsMs)) return false;
    keys++;
  }
  if (p.connectMs !== undefined) {
    if (!isNonNegative(p.connectMs)) return false;
    keys++;
  }
  if (p.tlsMs !== undefined) {
    if (!isNonNegative(p.tlsMs)) return false;
    keys++;
  }
  if (p.ttfbMs !== undefined) {
    if (!isNonNegative(p.ttfbMs)) return false;
    keys++;
  }
  if (p.transferMs !== undefined) {
    if (!isNonNegative(p.transferMs)) return false;
    keys++;
  }
  return keyCount(p) === keys;
}

function isVerdicts(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > VERDICTS_MAX) return false;
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    if (typeof o.condition !== 'string' || o.condition.length > VERDICT_TEXT_MAX) return false;
    if (typeof o.pass !== 'boolean') return false;
    if (o.severity !== 'down' && o.severity !== 'degraded') return false;
    if (typeof o.message !== 'string' || o.message.length > VERDICT_TEXT_MAX) return false;
    if (keyCount(o) !== 4) return false;
  }
  return true;
}

/** zod's `int()`: a safe integer (which also rules out NaN and the infinities). */
export function isInt(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/** zod's `number().nonnegative()`: finite (NaN fails the comparison) and at least 0. */
function isNonNegative(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value !== Infinity;
}

/** How many own keys an object from `JSON.parse` has, without Object.keys' array. */
export function keyCount(o: object): number {
  let n = 0;
  // JSON.parse objects have no inherited enumerable keys.
  for (const _ in o) n++;
  return n;
}
