import type { Monitor, MonitorType } from '@vantage/shared';
import { formatSeconds } from '../format/format.js';

/**
 * The editor's state: every field of every monitor type as the user typed it (numbers and spans
 * stay text until saved, so half-typed values are never lost). Blank means "use the default".
 */
export interface MonitorForm {
  type: MonitorType;
  id: string;
  name: string;
  description: string;
  group: string;
  /** Comma-separated. */
  tags: string;
  /** Seconds, or duration text (`30s`, `5m`). */
  interval: string;
  timeout: string;
  regionsMode: 'all' | 'some';
  regions: string[];
  confirmation: string;
  recovery: string;
  /** `majority`, `all`, `any` or a number of regions. */
  quorum: string;
  failureWindow: boolean;
  failureWindowFailures: string;
  failureWindowMinutes: string;
  degradedAboveMs: string;
  downAboveMs: string;
  /** One condition per line. */
  conditions: string;
  retries: string;
  retryDelayMs: string;
  paused: boolean;
  parent: string;
  url: string;
  method: string;
  /** One `Name: value` per line. */
  headers: string;
  body: string;
  authType: 'none' | 'basic' | 'bearer';
  authUsername: string;
  authPassword: string;
  authToken: string;
  maxRedirects: string;
  verifyTls: boolean;
  expectedStatus: string;
  certMinDays: string;
  host: string;
  port: string;
  tls: boolean;
  servername: string;
  hostname: string;
  recordType: string;
  resolver: string;
  /** One answer per line. */
  expectedAnswers: string;
  schedule: 'period' | 'cron';
  period: string;
  cron: string;
  timezone: string;
  grace: string;
  waitUntil: string;
  steps: string;
  viewport: boolean;
  viewportWidth: string;
  viewportHeight: string;
  screenshotOnFailure: boolean;
}

/** One field of the editor. */
export type FormField = keyof MonitorForm;

/** Error messages by field, as shown next to each one. */
export type FormErrors = Partial<Record<FormField, string>>;

/** A blank form for a new monitor of `type`. */
export function emptyForm(type: MonitorType = 'http'): MonitorForm {
  return {
    type,
    id: '',
    name: '',
    description: '',
    group: '',
    tags: '',
    interval: '',
    timeout: '',
    regionsMode: 'all',
    regions: [],
    confirmation: '',
    recovery: '',
    quorum: '',
    failureWindow: false,
    failureWindowFailures: '',
    failureWindowMinutes: '',
    degradedAboveMs: '',
    downAboveMs: '',
    conditions: '',
    retries: '',
    retryDelayMs: '',
    paused: false,
    parent: '',
    url: '',
    method: 'GET',
    headers: '',
    body: '',
    authType: 'none',
    authUsername: '',
    authPassword: '',
    authToken: '',
    maxRedirects: '',
    verifyTls: true,
    expectedStatus: '',
    certMinDays: '',
    host: '',
    port: '',
    tls: false,
    servername: '',
    hostname: '',
    recordType: 'A',
    resolver: '',
    expectedAnswers: '',
    schedule: 'period',
    period: '',
    cron: '',
    timezone: '',
    grace: '',
    waitUntil: 'load',
    steps: '',
    viewport: false,
    viewportWidth: '',
    viewportHeight: '',
    screenshotOnFailure: true,
  };
}

/** The form showing a saved monitor, every value filled in. */
export function formFromMonitor(monitor: Monitor): MonitorForm {
  const form: MonitorForm = {
    ...emptyForm(monitor.type),
    id: monitor.id,
    name: monitor.name,
    description: monitor.description ?? '',
    group: monitor.group ?? '',
    tags: monitor.tags.join(', '),
    interval: spanText(monitor.interval),
    timeout: spanText(monitor.timeout),
    regionsMode: monitor.regions === 'all' ? 'all' : 'some',
    regions: monitor.regions === 'all' ? [] : [...monitor.regions],
    confirmation: String(monitor.confirmation),
    recovery: String(monitor.recovery),
    quorum: String(monitor.quorum),
    failureWindow: monitor.failureWindow !== undefined,
    failureWindowFailures: String(monitor.failureWindow?.failures ?? ''),
    failureWindowMinutes: String(monitor.failureWindow?.minutes ?? ''),
    degradedAboveMs: String(monitor.degradedAboveMs ?? ''),
    downAboveMs: String(monitor.downAboveMs ?? ''),
    conditions: monitor.conditions.join('\n'),
    retries: String(monitor.retries),
    retryDelayMs: String(monitor.retryDelayMs),
    paused: monitor.paused,
    parent: monitor.parent ?? '',
  };
  switch (monitor.type) {
    case 'http':
      return {
        ...form,
        url: monitor.url,
        method: monitor.method,
        headers: Object.entries(monitor.headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n'),
        body: monitor.body ?? '',
        authType: monitor.auth?.type ?? 'none',
        authUsername: monitor.auth?.type === 'basic' ? monitor.auth.username : '',
        authPassword: monitor.auth?.type === 'basic' ? monitor.auth.password : '',
        authToken: monitor.auth?.type === 'bearer' ? monitor.auth.token : '',
        maxRedirects: String(monitor.maxRedirects),
        verifyTls: monitor.verifyTls,
        expectedStatus: monitor.expectedStatus,
        certMinDays: String(monitor.certMinDays),
      };
    case 'tcp':
      return {
        ...form,
        host: monitor.host,
        port: String(monitor.port),
        tls: monitor.tls,
        verifyTls: monitor.verifyTls,
      };
    case 'dns':
      return {
        ...form,
        hostname: monitor.hostname,
        recordType: monitor.recordType,
        resolver: monitor.resolver ?? '',
        expectedAnswers: monitor.expectedAnswers.join('\n'),
      };
    case 'tls':
      return {
        ...form,
        host: monitor.host,
        port: String(monitor.port),
        servername: monitor.servername ?? '',
        verifyTls: monitor.verifyTls,
        certMinDays: String(monitor.certMinDays),
      };
    case 'heartbeat':
      return {
        ...form,
        schedule: monitor.cron !== undefined ? 'cron' : 'period',
        period: monitor.period === undefined ? '' : spanText(monitor.period),
        cron: monitor.cron ?? '',
        timezone: monitor.timezone,
        grace: spanText(monitor.grace),
      };
    case 'browser':
      return {
        ...form,
        url: monitor.url,
        waitUntil: monitor.waitUntil,
        steps: monitor.steps ?? '',
        viewport: monitor.viewport !== undefined,
        viewportWidth: String(monitor.viewport?.width ?? ''),
        viewportHeight: String(monitor.viewport?.height ?? ''),
        screenshotOnFailure: monitor.screenshotOnFailure,
      };
  }
}

function spanText(seconds: number): string {
  return Number.isInteger(seconds) ? formatSeconds(seconds) : String(seconds);
}
