import { humanizeDuration, unitMs } from '../units/duration.js';
import type { Operator, Value } from './condition.js';
import {
  type EvaluatorFactory,
  expectation,
  numberPredicate,
  passRelation,
  presence,
  requiredValue,
  valueText,
} from './condition-phrases.js';
import type { Observation } from './observation.js';

/** `status in 200..299` → `status 200 is in 200..299` / `status was 503, expected 200..299`. */
export const compileStatus: EvaluatorFactory = (c) => {
  const { op } = c;
  if (op === 'exists' || op === 'not exists') {
    return (obs) =>
      presence(op, obs.status === undefined ? null : `status ${obs.status} was observed`, MISSING_STATUS);
  }
  const value = requiredValue(c);
  const test = numberPredicate(op, value, value.kind === 'number' ? value.value : Number.NaN);
  const text = valueText(c);
  const passWords = ` ${passRelation(op, value)} ${text}`;
  const failWords = `, expected ${expectation(op, text, value)}`;
  return (obs) => {
    const status = obs.status;
    if (status === undefined) return { pass: false, message: MISSING_STATUS };
    return test(status)
      ? { pass: true, message: `status ${status}${passWords}` }
      : { pass: false, message: `status was ${status}${failWords}` };
  };
};

const MISSING_STATUS = 'status was not observed';

/** Factory for `response_time` and `ttfb`: `response time 812 ms is over 500 ms`. */
function timing(label: string, read: (obs: Observation) => number | undefined): EvaluatorFactory {
  const missing = `${label} was not observed`;
  return (c) => {
    const { op } = c;
    if (op === 'exists' || op === 'not exists') {
      return (obs) => {
        const ms = read(obs);
        return presence(
          op,
          ms === undefined ? null : `${label} ${humanizeDuration(ms)} was observed`,
          missing,
        );
      };
    }
    const value = requiredValue(c);
    const limit = limitMs(value);
    const limitWords = limitText(value);
    const test = numberPredicate(op, value, limit);
    return (obs) => {
      const ms = read(obs);
      if (ms === undefined) return { pass: false, message: missing };
      const pass = test(ms);
      const relation = pass ? passRelation(op, value) : failRelation(op, ms, limit);
      return { pass, message: `${label} ${humanizeDuration(ms)} ${relation} ${limitWords}` };
    };
  };
}

/** `response_time < 500`: bare numbers are milliseconds. */
export const compileResponseTime = timing('response time', (obs) => obs.responseTimeMs);
/** `ttfb < 200ms`. */
export const compileTtfb = timing('time to first byte', (obs) => obs.ttfbMs);

/** `cert_expires_in > 14d` → `certificate expires in 3 days, expected more than 14 days`. */
export const compileCertExpiresIn: EvaluatorFactory = (c) => {
  const { op } = c;
  const missing = 'certificate expiry was not observed';
  if (op === 'exists' || op === 'not exists') {
    return (obs) =>
      presence(op, obs.certExpiresInMs === undefined ? null : expiry(obs.certExpiresInMs), missing);
  }
  const value = requiredValue(c);
  const test = numberPredicate(op, value, limitMs(value));
  const failWords = `, expected ${expectation(op, limitText(value), value)}`;
  return (obs) => {
    const ms = obs.certExpiresInMs;
    if (ms === undefined) return { pass: false, message: missing };
    if (test(ms)) return { pass: true, message: expiry(ms) };
    // "expired 3 days ago" says it all; an expectation after it only adds noise.
    return { pass: false, message: ms < 0 ? expiry(ms) : `${expiry(ms)}${failWords}` };
  };
};

function expiry(ms: number): string {
  return ms >= 0
    ? `certificate expires in ${humanizeDuration(ms)}`
    : `certificate expired ${humanizeDuration(ms)} ago`;
}

/** `connected == true` → `connection was established` / `connection was not established`. */
export const compileConnected: EvaluatorFactory = (c) => {
  const { op } = c;
  const missing = 'connection state was not observed';
  const state = (connected: boolean) =>
    connected ? 'connection was established' : 'connection was not established';
  if (op === 'exists' || op === 'not exists') {
    return (obs) => presence(op, obs.connected === undefined ? null : state(obs.connected), missing);
  }
  const value = requiredValue(c);
  const wanted = value.kind === 'boolean' && value.value === (op === '==');
  return (obs) => {
    const connected = obs.connected;
    if (connected === undefined) return { pass: false, message: missing };
    if (connected === wanted) return { pass: true, message: state(connected) };
    return { pass: false, message: wanted ? state(false) : `${state(true)}, expected it to fail` };
  };
};

function limitMs(value: Value): number {
  return value.kind === 'duration' ? value.ms : value.kind === 'number' ? value.value : Number.NaN;
}

const UNIT_WORDS = { ms: 'ms', s: 's', m: 'minute', h: 'hour', d: 'day', w: 'week' } as const;

/** A limit in words: `500 ms`, `2 s`, `14 days`, `1.5 hours`. */
function limitText(value: Value): string {
  if (value.kind !== 'duration') return `${limitMs(value)} ms`;
  const amount = value.ms / unitMs(value.unit);
  const word = UNIT_WORDS[value.unit];
  const plural = word.length > 2 && amount !== 1 ? 's' : '';
  return `${amount} ${word}${plural}`;
}

/** Why a duration failed its comparison, worded by where it actually lies. */
function failRelation(op: Operator, actual: number, limit: number): string {
  if (op === '<') return actual > limit ? 'is over' : 'is not under';
  if (op === '<=') return 'is over';
  if (op === '>') return actual < limit ? 'is under' : 'is not over';
  if (op === '>=') return 'is under';
  if (op === '==') return 'is not';
  return 'is exactly';
}
