import {
  Activity,
  BellRing,
  ChartColumn,
  Globe,
  LayoutDashboard,
  type LucideIcon,
  Plus,
  RadioTower,
  Settings,
  TriangleAlert,
} from 'lucide-react';
import { useMemo } from 'react';
import { StatusDot } from '../components/status-badge.js';
import { formatRoute, type Route, type TopScreen, topScreenOf } from '../routing/routes.js';
import { useAppStore } from '../store/use-app-store.js';

const ITEMS: { screen: TopScreen; label: string; icon: LucideIcon; route: Route; key: string }[] = [
  {
    screen: 'dashboard',
    label: 'Monitors',
    icon: LayoutDashboard,
    route: { screen: 'dashboard' },
    key: 'g d',
  },
  {
    screen: 'incidents',
    label: 'Incidents',
    icon: TriangleAlert,
    route: { screen: 'incidents', incidentId: null },
    key: 'g i',
  },
  {
    screen: 'alerting',
    label: 'Alerting',
    icon: BellRing,
    route: { screen: 'alerting', tab: 'channels' },
    key: 'g a',
  },
  {
    screen: 'status-pages',
    label: 'Status pages',
    icon: Globe,
    route: { screen: 'status-pages', pageId: null },
    key: 'g u',
  },
  {
    screen: 'analytics',
    label: 'Reports',
    icon: ChartColumn,
    route: { screen: 'analytics', monitorId: null },
    key: 'g r',
  },
  { screen: 'probes', label: 'Probes', icon: RadioTower, route: { screen: 'probes' }, key: 'g p' },
  { screen: 'settings', label: 'Settings', icon: Settings, route: { screen: 'settings' }, key: 'g s' },
];

/** The app's navigation: brand, screens with live counts, and the relay's state at the bottom. */
export function Sidebar() {
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const incidents = useAppStore((s) => s.incidents);
  const sync = useAppStore((s) => s.sync);
  const app = useAppStore((s) => s.app);
  const openIncidents = useMemo(
    () => Object.values(incidents).filter((incident) => incident.resolvedAt === undefined).length,
    [incidents],
  );
  const active = topScreenOf(route);
  const relayTone =
    sync === null
      ? 'pending'
      : sync.connection === 'connected'
        ? 'up'
        : sync.connection === 'connecting'
          ? 'degraded'
          : 'down';
  const relayText =
    sync === null
      ? 'Relay…'
      : `${sync.mode === 'embedded' ? 'Embedded relay' : 'Remote relay'} · ${sync.connection === 'connected' ? 'connected' : sync.connection}`;

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark">
          <Activity size={16} strokeWidth={2.5} />
        </span>
        <span className="brand-name">Vantage</span>
      </div>
      <button
        type="button"
        className="btn btn-primary sidebar-new"
        onClick={() => navigate({ screen: 'editor', monitorId: null })}
        title="New monitor (n)"
      >
        <Plus size={15} /> New monitor
      </button>
      <ul className="nav">
        {ITEMS.map((item) => (
          <li key={item.screen}>
            <a
              href={formatRoute(item.route)}
              className={`nav-item${active === item.screen ? ' active' : ''}`}
              aria-current={active === item.screen ? 'page' : undefined}
              title={`${item.label} (${item.key})`}
            >
              <item.icon size={16} />
              <span>{item.label}</span>
              {item.screen === 'incidents' && openIncidents > 0 && (
                <span className="nav-badge" aria-label={`${openIncidents} open`}>
                  {openIncidents}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer">
        <a
          href={formatRoute({ screen: 'settings' })}
          className="relay-state"
          title={sync?.lastError ?? sync?.relayUrl ?? ''}
        >
          <StatusDot tone={relayTone} pulse={relayTone === 'down'} />
          <span>{relayText}</span>
        </a>
        {app !== null && (
          <div className="version">
            v{app.version}
            {app.shell === 'web' ? ' · web' : ''}
          </div>
        )}
      </div>
    </nav>
  );
}
