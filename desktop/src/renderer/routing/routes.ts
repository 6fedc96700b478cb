/** A screen of the app and what it shows; the hash part of the URL is its address. */
export type Route =
  | { screen: 'dashboard' }
  | { screen: 'monitor'; monitorId: string }
  /** The editor: `monitorId` null creates a new monitor. */
  | { screen: 'editor'; monitorId: string | null }
  | { screen: 'incidents'; incidentId: string | null }
  | { screen: 'probes' }
  | { screen: 'settings' }
  /** Alert channels, rules, escalation, schedules, maintenance and the delivery log, one tab each. */
  | { screen: 'alerting'; tab: AlertingTab }
  /** Status pages: the list, or one page's designer (`pageId` null designs a new one). */
  | { screen: 'status-pages'; pageId: string | null }
  /** Reports: uptime, outages, MTTR/MTBF and latency of one monitor, or an overview when null. */
  | { screen: 'analytics'; monitorId: string | null }
  | { screen: 'not-found'; path: string };

/** The tabs of the alerting screen, in order. */
export const ALERTING_TABS = [
  'channels',
  'rules',
  'escalation',
  'schedules',
  'maintenance',
  'deliveries',
] as const;
/** One tab of the alerting screen. */
export type AlertingTab = (typeof ALERTING_TABS)[number];

/** The screens a user can reach from the sidebar, in its order. */
export type TopScreen =
  'dashboard' | 'incidents' | 'analytics' | 'alerting' | 'status-pages' | 'probes' | 'settings';

/** The dashboard's route, the one every unknown address falls back to. */
export const DASHBOARD: Route = Object.freeze({ screen: 'dashboard' });

/** Reads a route from a location hash (`#/monitors/api`), with or without the leading `#`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '');
  const parts = path.split('/').filter((part) => part !== '');
  const decoded = parts.map(safeDecode);
  if (decoded.includes(null)) return { screen: 'not-found', path };
  const [first, second, third, ...rest] = decoded as string[];
  if (first === undefined) return DASHBOARD;
  if (rest.length > 0) return { screen: 'not-found', path };
  if (first === 'new' && second === undefined) return { screen: 'editor', monitorId: null };
  if (first === 'monitors' && second !== undefined) {
    if (third === undefined) return { screen: 'monitor', monitorId: second };
    if (third === 'edit') return { screen: 'editor', monitorId: second };
  }
  if (third !== undefined) return { screen: 'not-found', path };
  if (first === 'incidents') return { screen: 'incidents', incidentId: second ?? null };
  if (first === 'status-pages') return { screen: 'status-pages', pageId: second ?? null };
  if (first === 'analytics') return { screen: 'analytics', monitorId: second ?? null };
  if (first === 'alerting') {
    if (second === undefined) return { screen: 'alerting', tab: 'channels' };
    const tab = ALERTING_TABS.find((t) => t === second);
    return tab === undefined ? { screen: 'not-found', path } : { screen: 'alerting', tab };
  }
  if (second !== undefined) return { screen: 'not-found', path };
  if (first === 'monitors') return DASHBOARD;
  if (first === 'probes' || first === 'settings') return { screen: first };
  return { screen: 'not-found', path };
}

/** The hash (`#/monitors/api/edit`) that {@link parseRoute} reads back as `route`. */
export function formatRoute(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.screen) {
    case 'dashboard':
      return '#/';
    case 'monitor':
      return `#/monitors/${enc(route.monitorId)}`;
    case 'editor':
      return route.monitorId === null ? '#/new' : `#/monitors/${enc(route.monitorId)}/edit`;
    case 'incidents':
      return route.incidentId === null ? '#/incidents' : `#/incidents/${enc(route.incidentId)}`;
    case 'probes':
    case 'settings':
      return `#/${route.screen}`;
    case 'alerting':
      return `#/alerting/${route.tab}`;
    case 'status-pages':
      return route.pageId === null ? '#/status-pages' : `#/status-pages/${enc(route.pageId)}`;
    case 'analytics':
      return route.monitorId === null ? '#/analytics' : `#/analytics/${enc(route.monitorId)}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

/** The sidebar entry a route belongs to (a monitor's pages belong to the dashboard). */
export function topScreenOf(route: Route): TopScreen | null {
  switch (route.screen) {
    case 'dashboard':
    case 'monitor':
    case 'editor':
      return 'dashboard';
    case 'incidents':
    case 'probes':
    case 'settings':
    case 'alerting':
    case 'status-pages':
    case 'analytics':
      return route.screen;
    case 'not-found':
      return null;
  }
}

/** Whether two routes show the same thing. */
export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
