import { IncidentId, MonitorId, RegionName } from '@vantage/shared';
import { z } from 'zod';
import { SettingsPatch } from '../core/store/desktop-settings.js';
import {
  AppInfoView,
  ChartView,
  CheckView,
  ImportOutcomeView,
  IncidentView,
  MonitorStatsView,
  MonitorView,
  NotificationView,
  OneOffView,
  ProbeView,
  RegionView,
  SettingsView,
  SyncView,
} from './api-views.js';
import { type MethodSpec, method } from './method-spec.js';
import { ANALYTICS_METHODS } from './methods/analytics-methods.js';
import { ALERTING_METHODS } from './methods/alerting-methods.js';
import { HEARTBEAT_METHODS } from './methods/heartbeat-methods.js';
import { STATUS_PAGE_METHODS } from './methods/status-page-methods.js';

// The desktop API: every method the renderer (and local automation) may call, once. The core
// implements it, the preload exposes it over IPC, the web server serves it over WebSocket and as
// REST routes (from `http`) with an OpenAPI document built from these schemas.

/** A monitor configuration as a client sends it: checked by shared's `validateMonitor` in the core. */
const MonitorInput = z
  .record(z.string(), z.unknown())
  .describe('A monitor configuration (see the Monitor schema); `id` may be left out when creating.');

const Ms = z.coerce.number().int().nonnegative();
const monitorRef = { monitorId: MonitorId };
const range = { ...monitorRef, region: RegionName.optional(), from: Ms, to: Ms };
const rangeRule = (q: { from: number; to: number }) => q.to > q.from;

const none = z.object({});

/** The methods of the desktop's own domains (monitors, history, incidents, settings…). */
const CORE_METHODS = {
  'app.info': method(
    'Version, data directory, first-run flag and known regions',
    { method: 'GET', path: '/app' },
    none,
    AppInfoView,
  ),
  'monitors.list': method(
    'Every monitor with its current state, latency, 24 h bars and uptime',
    { method: 'GET', path: '/monitors' },
    none,
    z.array(MonitorView),
  ),
  'monitors.get': method(
    'One monitor with its current state',
    { method: 'GET', path: '/monitors/:monitorId' },
    z.object(monitorRef),
    MonitorView,
  ),
  'monitors.create': method(
    'Creates a monitor (an id is made from the name when absent)',
    { method: 'POST', path: '/monitors' },
    z.object({ monitor: MonitorInput }),
    MonitorView,
  ),
  'monitors.update': method(
    "Replaces a monitor's configuration",
    { method: 'PUT', path: '/monitors/:monitorId' },
    z.object({ ...monitorRef, monitor: MonitorInput }),
    MonitorView,
  ),
  'monitors.delete': method(
    'Deletes a monitor; its history stays until retention drops it',
    { method: 'DELETE', path: '/monitors/:monitorId' },
    z.object(monitorRef),
    z.object({ deleted: z.literal(true) }),
  ),
  'monitors.pause': method(
    'Pauses or resumes a monitor',
    { method: 'POST', path: '/monitors/:monitorId/pause' },
    z.object({ ...monitorRef, paused: z.boolean() }),
    MonitorView,
  ),
  'monitors.runNow': method(
    'Runs a saved monitor once now, in one region or all of its regions',
    { method: 'POST', path: '/monitors/:monitorId/run' },
    z.object({ ...monitorRef, region: RegionName.optional() }),
    z.array(OneOffView),
  ),
  'monitors.test': method(
    "Runs an unsaved configuration once in one region and returns the result with each condition's verdict",
    { method: 'POST', path: '/monitors/test' },
    z.object({ monitor: MonitorInput, region: RegionName.default('local') }),
    OneOffView,
  ),
  'history.chart': method(
    "A monitor's chart over [from, to) at the resolution the range calls for, read from rollups",
    { method: 'GET', path: '/monitors/:monitorId/chart' },
    z.object(range).refine(rangeRule, { path: ['to'], message: 'must be after from' }),
    ChartView,
  ),
  'history.stats': method(
    'Uptime, check count, latency percentiles and incident count over [from, to)',
    { method: 'GET', path: '/monitors/:monitorId/stats' },
    z.object(range).refine(rangeRule, { path: ['to'], message: 'must be after from' }),
    MonitorStatsView,
  ),
  'history.checks': method(
    "A monitor's newest raw checks with phases and verdicts, newest first",
    { method: 'GET', path: '/monitors/:monitorId/checks' },
    z.object({
      ...monitorRef,
      region: RegionName.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(50),
    }),
    z.array(CheckView),
  ),
  'incidents.list': method(
    'Incidents, newest first',
    { method: 'GET', path: '/incidents' },
    z.object({
      state: z.enum(['open', 'resolved', 'all']).default('all'),
      monitorId: MonitorId.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    z.array(IncidentView),
  ),
  'incidents.get': method(
    'One incident with its timeline',
    { method: 'GET', path: '/incidents/:incidentId' },
    z.object({ incidentId: IncidentId }),
    IncidentView,
  ),
  'incidents.acknowledge': method(
    'Acknowledges an incident (recorded in its timeline; stops repeat alerts)',
    { method: 'POST', path: '/incidents/:incidentId/ack' },
    z.object({ incidentId: IncidentId, by: z.string().trim().min(1).max(200).default('desktop') }),
    IncidentView,
  ),
  'probes.list': method(
    'Probes as the relay last reported them',
    { method: 'GET', path: '/probes' },
    none,
    z.array(ProbeView),
  ),
  'regions.list': method(
    'Regions with their probes and monitor counts',
    { method: 'GET', path: '/regions' },
    none,
    z.array(RegionView),
  ),
  'settings.get': method(
    'The settings (the remote token is never returned)',
    { method: 'GET', path: '/settings' },
    none,
    SettingsView,
  ),
  'settings.update': method(
    'Changes some settings; switching relayMode to remote pushes local monitors there',
    { method: 'PATCH', path: '/settings' },
    SettingsPatch,
    SettingsView,
  ),
  'sync.status': method(
    'The relay connection and catch-up progress',
    { method: 'GET', path: '/sync' },
    none,
    SyncView,
  ),
  'sync.reconnect': method(
    'Reconnects to the relay now instead of waiting for the next attempt',
    { method: 'POST', path: '/sync/reconnect' },
    none,
    SyncView,
  ),
  'config.export': method(
    'The whole configuration (monitors and settings without secrets) as JSON or YAML',
    { method: 'GET', path: '/config/export' },
    z.object({ format: z.enum(['json', 'yaml']).default('json') }),
    z.object({ format: z.enum(['json', 'yaml']), text: z.string(), monitors: z.number().int() }),
  ),
  'config.import': method(
    'Imports a configuration: every monitor is validated first, nothing changes if one fails',
    { method: 'POST', path: '/config/import' },
    z.object({
      text: z.string().min(1).max(50_000_000),
      format: z.enum(['json', 'yaml']).optional(),
      mode: z.enum(['merge', 'replace']).default('merge'),
    }),
    ImportOutcomeView,
  ),
  'notifications.list': method(
    'Notifications shown, newest first',
    { method: 'GET', path: '/notifications' },
    z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
    z.array(NotificationView),
  ),
  'notifications.mute': method(
    'Mutes notifications for some minutes (0 unmutes)',
    { method: 'POST', path: '/notifications/mute' },
    z.object({
      minutes: z.coerce
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 60),
    }),
    SettingsView,
  ),
} satisfies Record<string, MethodSpec>;

/**
 * Every method of the desktop API by name (`domain.verb`): the core's own, then one table per
 * relay-side domain (each in `methods/<domain>-methods.ts`).
 */
export const API_METHODS = {
  ...CORE_METHODS,
  ...STATUS_PAGE_METHODS,
  ...ALERTING_METHODS,
  ...ANALYTICS_METHODS,
  ...HEARTBEAT_METHODS,
} satisfies Record<string, MethodSpec>;

/** The name of a desktop API method. */
export type MethodName = keyof typeof API_METHODS;
/** What a caller passes to a method (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<(typeof API_METHODS)[M]['input']>;
/** What a method's implementation receives: the input parsed, defaults filled. */
export type ParsedInput<M extends MethodName> = z.output<(typeof API_METHODS)[M]['input']>;
/** What a method answers with. */
export type MethodOutput<M extends MethodName> = z.output<(typeof API_METHODS)[M]['output']>;

/** The names of every method, in the table's order. */
export const METHOD_NAMES = Object.keys(API_METHODS) as MethodName[];

/** Whether `name` is a method of the API. */
export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(API_METHODS, name);
}
