import { Compass } from 'lucide-react';
import { useEffect } from 'react';
import { AlertingScreen } from '../alerting/alerting-screen.js';
import { AnalyticsScreen } from '../analytics/analytics-screen.js';
import { Dialog } from '../components/dialog.js';
import { EmptyState } from '../components/empty-state.js';
import { DashboardScreen } from '../dashboard/dashboard-screen.js';
import { IncidentsScreen } from '../incidents/incidents-screen.js';
import { EditorScreen } from '../monitor-editor/editor-screen.js';
import { DetailScreen } from '../monitor-detail/detail-screen.js';
import { ProbesScreen } from '../probes/probes-screen.js';
import { parseRoute } from '../routing/routes.js';
import { SettingsScreen } from '../settings/settings-screen.js';
import { StatusPagesScreen } from '../status-pages/status-pages-screen.js';
import { useAppStore, useAppStoreApi } from '../store/use-app-store.js';
import { ConnectionBanner } from './connection-banner.js';
import { SHORTCUTS } from './shortcut-keys.js';
import { Sidebar } from './sidebar.js';
import { useTheme } from './theme.js';
import { ToastStack } from './toast-stack.js';
import { useGlobalShortcuts } from './use-global-shortcuts.js';

/** The whole window: sidebar, connection banner, the current screen and the toasts. */
export function App({ onRetryLink }: { onRetryLink: () => void }) {
  const store = useAppStoreApi();
  const theme = useAppStore((s) => s.settings?.theme);
  useTheme(theme);
  useGlobalShortcuts(store);

  useEffect(() => {
    const follow = () => store.getState().setRoute(parseRoute(window.location.hash));
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [store]);

  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        <ConnectionBanner onRetryLink={onRetryLink} />
        <CurrentScreen />
      </main>
      <ToastStack />
      <ShortcutsHelp />
    </div>
  );
}

function CurrentScreen() {
  const route = useAppStore((s) => s.route);
  switch (route.screen) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'monitor':
      return <DetailScreen key={route.monitorId} monitorId={route.monitorId} />;
    case 'editor':
      return <EditorScreen key={route.monitorId ?? 'new'} monitorId={route.monitorId} />;
    case 'incidents':
      return <IncidentsScreen focusId={route.incidentId} />;
    case 'probes':
      return <ProbesScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'status-pages':
      return <StatusPagesScreen pageId={route.pageId} />;
    case 'alerting':
      return <AlertingScreen tab={route.tab} />;
    case 'analytics':
      return <AnalyticsScreen monitorId={route.monitorId} />;
    case 'not-found':
      return (
        <div className="page">
          <EmptyState
            icon={Compass}
            title="Nothing lives at this address"
            action={
              <a className="btn" href="#/">
                Back to monitors
              </a>
            }
          >
            <code>#{route.path}</code> is not a page of Vantage.
          </EmptyState>
        </div>
      );
  }
}

function ShortcutsHelp() {
  const open = useAppStore((s) => s.shortcutsOpen);
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  if (!open) return null;
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => setOpen(false)}>
      <dl className="shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys} className="shortcut">
            <dt>
              {shortcut.keys
                .split(/(\s+)/)
                .map((part, i) =>
                  part.trim() === '' || part === '/' || part === 'or' ? (
                    <span key={i}>{part}</span>
                  ) : (
                    <kbd key={i}>{part}</kbd>
                  ),
                )}
            </dt>
            <dd>{shortcut.what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
