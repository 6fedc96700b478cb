import {
  CheckResult,
  CheckState,
  Incident,
  MonitorSchema,
  MonitorStatus,
  OneOffResult,
  ProbeInfo,
  RegionName,
  RegionStatusEntry,
} from '@vantage/shared';
import { z } from 'zod';

// What the API's methods answer with. These schemas are the contract's outputs: the web server
// documents them in OpenAPI, and the core's values are checked against them in its tests.

const Ms = z.number().int().nonnegative();

/** A check's outcome in brief, as the dashboard shows it. */
export const LastCheckView = z.object({
  region: RegionName,
  ts: Ms,
  state: CheckState,
  latencyMs: z.number().nonnegative(),
  message: z.string(),
});
/** A check's outcome in brief. */
export type LastCheckView = z.infer<typeof LastCheckView>;

/** One hour of a monitor's 24-hour bar strip. */
export const HourBarView = z.object({
  start: Ms,
  up: z.number().int().nonnegative(),
  degraded: z.number().int().nonnegative(),
  down: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  state: z.enum(['up', 'degraded', 'down', 'none']),
});
/** One hour of a monitor's bar strip. */
export type HourBarView = z.infer<typeof HourBarView>;

/** A monitor with everything the dashboard shows about it. */
export const MonitorView = z.object({
  monitor: MonitorSchema,
  /** The relay's verdict; `pending` before the first one arrives, `unknown` while the relay is unreachable and nothing is cached. */
  status: MonitorStatus,
  /** Why the monitor is in that state, in words (the evaluator's message). */
  statusMessage: z.string(),
  /** When the status last changed (epoch ms); null before the first verdict. */
  statusSince: Ms.nullable(),
  /** The evaluator's view per region. */
  regionStatuses: z.array(RegionStatusEntry),
  /** Newest check in any region, and per region. */
  last: LastCheckView.nullable(),
  regions: z.array(LastCheckView),
  /** Check-based uptime over the 24 hourly bars (0..1); null without checks. */
  uptime24h: z.number().min(0).max(1).nullable(),
  bars: z.array(HourBarView),
  /** The open incident's id, if one is open. */
  openIncidentId: z.string().nullable(),
  /** False while a change made here has not reached the relay yet. */
  synced: z.boolean(),
});
/** A monitor with everything the dashboard shows about it. */
export type MonitorView = z.infer<typeof MonitorView>;

/** Latency figures of one chart bucket, in ms. */
export const LatencyView = z.object({
  meanMs: z.number(),
  minMs: z.number(),
  maxMs: z.number(),
  p50Ms: z.number(),
  p95Ms: z.number(),
  p99Ms: z.number(),
});

/** One bucket of a chart. */
export const ChartPointView = z.object({
  start: Ms,
  up: z.number().int().nonnegative(),
  degraded: z.number().int().nonnegative(),
  down: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  uptime: z.number().min(0).max(1).nullable(),
  latency: LatencyView.nullable(),
});
/** One bucket of a chart. */
export type ChartPointView = z.infer<typeof ChartPointView>;

/** A monitor's chart for one region or all (`*`), one point per bucket, oldest first. */
export const ChartView = z.object({
  monitorId: z.string(),
  region: z.string(),
  resolution: z.enum(['minute', 'hour', 'day']),
  from: Ms,
  to: Ms,
  points: z.array(ChartPointView),
});
/** A monitor's chart. */
export type ChartView = z.infer<typeof ChartView>;

/** Figures over a range for one monitor (and region): uptime, incidents, latency percentiles. */
export const MonitorStatsView = z.object({
  monitorId: z.string(),
  region: z.string(),
  from: Ms,
  to: Ms,
  /** Check-based uptime over the range; null without checks. */
  uptime: z.number().min(0).max(1).nullable(),
  checks: z.number().int().nonnegative(),
  latency: LatencyView.nullable(),
  incidents: z.number().int().nonnegative(),
});
/** Figures over a range. */
export type MonitorStatsView = z.infer<typeof MonitorStatsView>;

/** The result of a test or run-now check, with its condition verdicts. */
export const OneOffView = OneOffResult;
/** The result of a one-off check. */
export type OneOffView = z.infer<typeof OneOffView>;

/** A raw check as stored, with phases and verdicts. */
export const CheckView = CheckResult;
/** A raw check as stored. */
export type CheckView = z.infer<typeof CheckView>;

/** An incident with its timeline. */
export const IncidentView = Incident.extend({ monitorName: z.string() });
/** An incident with its timeline and the monitor's name. */
export type IncidentView = z.infer<typeof IncidentView>;

/** A probe as the relay last reported it, with its lateness figure if known. */
export const ProbeView = ProbeInfo;
/** A probe as the relay last reported it. */
export type ProbeView = z.infer<typeof ProbeView>;

/** A region: its probes and how many monitors run there. */
export const RegionView = z.object({
  region: RegionName,
  probes: z.number().int().nonnegative(),
  healthyProbes: z.number().int().nonnegative(),
  connectedProbes: z.number().int().nonnegative(),
  monitors: z.number().int().nonnegative(),
});
/** A region. */
export type RegionView = z.infer<typeof RegionView>;

/** The state of the link to the relay and of catching up with its log. */
export const SyncView = z.object({
  mode: z.enum(['embedded', 'remote']),
  /** The relay's address (the embedded one's loopback address in embedded mode). */
  relayUrl: z.string().nullable(),
  connection: z.enum(['connecting', 'connected', 'disconnected', 'unauthorized']),
  /** Why the last connection failed, in words; null when connected. */
  lastError: z.string().nullable(),
  /** Epoch ms of the next reconnect attempt while disconnected. */
  nextAttemptAt: Ms.nullable(),
  /** The log position stored locally. */
  cursor: z.number().int().nonnegative(),
  catchUp: z.object({
    /** True once the backlog is drained and results arrive live. */
    live: z.boolean(),
    /** Results received in this catch-up. */
    received: z.number().int().nonnegative(),
    /** Results still behind us according to the relay. */
    remaining: z.number().int().nonnegative(),
    /** received / (received + remaining), 1 when live. */
    fraction: z.number().min(0).max(1),
  }),
  /** Local changes not yet accepted by the relay. */
  pendingChanges: z.number().int().nonnegative(),
});
/** The state of the link to the relay. */
export type SyncView = z.infer<typeof SyncView>;

/** The desktop's settings as the API shows them: the remote token is never sent back, only whether one is set. */
export const SettingsView = z.object({
  relayMode: z.enum(['embedded', 'remote']),
  remoteUrl: z.string().nullable(),
  remoteTokenSet: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  rawRetentionDays: z.number().int(),
  notifications: z.boolean(),
  /** Epoch ms until which notifications are muted (tray "pause for an hour"); null when not muted. */
  notificationsMutedUntil: Ms.nullable(),
});
/** The desktop's settings as the API shows them. */
export type SettingsView = z.infer<typeof SettingsView>;

/** Facts about the running app, including what the welcome screen needs. */
export const AppInfoView = z.object({
  version: z.string(),
  /** `electron` or `web` (headless, served over HTTP). */
  shell: z.enum(['electron', 'web']),
  dataDir: z.string(),
  /** True while the store has no monitor yet: the UI shows its welcome state. */
  firstRun: z.boolean(),
  /** The embedded relay's address and the local region's name in embedded mode. */
  embedded: z.object({ relayUrl: z.string(), region: RegionName }).nullable(),
  /** Regions known to the relay, for region pickers. */
  regions: z.array(RegionName),
});
/** Facts about the running app. */
export type AppInfoView = z.infer<typeof AppInfoView>;

/** A notification the core decided to show (OS, tray, browser, in-app). */
export const NotificationView = z.object({
  id: z.number().int().nonnegative(),
  ts: Ms,
  /** What triggered it: `incident.opened`, `incident.acknowledged`, `incident.resolved`, `probe.unhealthy` … */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** The monitor to open when the notification is clicked. */
  monitorId: z.string().optional(),
  incidentId: z.string().optional(),
});
/** A notification the core decided to show. */
export type NotificationView = z.infer<typeof NotificationView>;

/** What an import did. */
export const ImportOutcomeView = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
/** What an import did. */
export type ImportOutcomeView = z.infer<typeof ImportOutcomeView>;
