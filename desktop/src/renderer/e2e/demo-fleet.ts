import type { DemoHistoryProfile } from './demo-history.js';
import { DEMO_REGIONS } from './demo-network.js';
import { type DemoTarget, startDemoTarget } from './demo-targets.js';

const HOUR = 3_600_000;

/** The local sites the demo monitors watch. */
export interface DemoTargets {
  api: DemoTarget;
  website: DemoTarget;
  search: DemoTarget;
  payments: DemoTarget;
  auth: DemoTarget;
  close(): Promise<void>;
}

/** Extra delay per region, by the source address its probe connects from. */
const REGION_DELAY: Record<string, number> = { '127.0.0.2': 8, '127.0.0.3': 70, '127.0.0.4': 150 };

/** Starts the demo's targets: a healthy API and site, a slow search, a failing payments API, a flapping auth. */
export async function startDemoTargets(): Promise<DemoTargets> {
  const started = await Promise.all([
    startDemoTarget({ delayMs: [8, 30] }),
    startDemoTarget({ delayMs: [20, 60] }),
    startDemoTarget({ delayMs: [260, 420] }),
    startDemoTarget({ delayMs: [5, 15] }),
    startDemoTarget({ delayMs: [10, 25] }),
  ]);
  for (const target of started) target.delayBySource = { ...REGION_DELAY };
  const [api, website, search, payments, auth] = started as [
    DemoTarget,
    DemoTarget,
    DemoTarget,
    DemoTarget,
    DemoTarget,
  ];
  payments.status = 503;
  return {
    api,
    website,
    search,
    payments,
    auth,
    close: async () => {
      await Promise.all(started.map((target) => target.close()));
    },
  };
}

/** The demo's monitors, every type the dashboard shows, with fixed ids so their history can be written first. */
export function demoMonitors(targets: DemoTargets): Record<string, unknown>[] {
  const fast = { interval: 5, timeout: 3 };
  return [
    {
      id: 'public-api',
      type: 'http',
      name: 'Public API',
      url: `${targets.api.url}/v1/health`,
      tags: ['prod', 'api'],
      group: 'Backend',
      conditions: ['json $.ok == true', 'response_time < 800 else degraded'],
      ...fast,
    },
    {
      id: 'website',
      type: 'http',
      name: 'Marketing site',
      url: `${targets.website.url}/`,
      tags: ['prod'],
      group: 'Frontend',
      ...fast,
    },
    {
      id: 'search',
      type: 'http',
      name: 'Search service',
      url: `${targets.search.url}/search?q=status`,
      degradedAboveMs: 350,
      group: 'Backend',
      ...fast,
    },
    {
      id: 'payments',
      type: 'http',
      name: 'Payments gateway',
      url: `${targets.payments.url}/charge`,
      tags: ['prod', 'billing'],
      group: 'Backend',
      ...fast,
    },
    {
      id: 'auth',
      type: 'http',
      name: 'Auth service',
      url: `${targets.auth.url}/login`,
      tags: ['prod'],
      group: 'Backend',
      ...fast,
    },
    {
      id: 'postgres',
      type: 'tcp',
      name: 'Postgres primary',
      host: '127.0.0.1',
      port: Number(new URL(targets.api.url).port),
      group: 'Data',
      interval: 10,
    },
    {
      id: 'nightly-backup',
      type: 'heartbeat',
      name: 'Nightly backup',
      cron: '0 3 * * *',
      timezone: 'Europe/Berlin',
      group: 'Data',
    },
    {
      id: 'legacy-admin',
      type: 'http',
      name: 'Legacy admin',
      url: `${targets.website.url}/admin`,
      paused: true,
      interval: 60,
    },
  ];
}

const base = (eu: number, us: number, ap: number): Record<string, number> => {
  const [euRegion, usRegion, apRegion] = DEMO_REGIONS.map((r) => r.region) as [string, string, string];
  return { [euRegion]: eu, [usRegion]: us, [apRegion]: ap };
};

/** How the demo monitors behaved over the past week (before the live part of the demo). */
export const DEMO_PROFILES: readonly DemoHistoryProfile[] = [
  {
    monitorId: 'public-api',
    baseMs: base(28, 92, 171),
    outages: [
      {
        fromAgoMs: 30 * HOUR,
        toAgoMs: 29.6 * HOUR,
        state: 'degraded',
        message: 'response time 1.2 s is over 800 ms',
      },
    ],
  },
  { monitorId: 'website', baseMs: base(45, 118, 196) },
  {
    monitorId: 'search',
    baseMs: base(310, 380, 460),
    outages: [
      {
        fromAgoMs: 9 * HOUR,
        toAgoMs: 8.2 * HOUR,
        state: 'degraded',
        message: 'response time 1.4 s is over 350 ms',
      },
    ],
  },
  {
    monitorId: 'payments',
    baseMs: base(18, 84, 160),
    outages: [
      {
        fromAgoMs: 14 * HOUR,
        toAgoMs: 13.7 * HOUR,
        state: 'down',
        message: 'status was 502, expected 200..299',
      },
    ],
  },
  { monitorId: 'auth', baseMs: base(22, 88, 165) },
  { monitorId: 'postgres', baseMs: base(1.2, 1.4, 1.9) },
];
