import { RefreshCw } from 'lucide-react';
import { useEffect } from 'react';
import { ErrorState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { useNow } from '../components/use-now.js';
import { ALERTING_TABS, type AlertingTab, formatRoute } from '../routing/routes.js';
import { useAppStore } from '../store/use-app-store.js';
import './alerting.css';
import { ChannelsTab } from './channels-tab.js';
import { DeliveriesTab } from './deliveries-tab.js';
import { EscalationTab } from './escalation-tab.js';
import { MaintenanceTab } from './maintenance-tab.js';
import { RulesTab } from './rules-tab.js';
import { SchedulesTab } from './schedules-tab.js';

const TAB_LABELS: Record<AlertingTab, string> = {
  channels: 'Channels',
  rules: 'Rules',
  escalation: 'Escalation',
  schedules: 'Schedules',
  maintenance: 'Maintenance',
  deliveries: 'Deliveries',
};

/** Alerting as the relay runs it: channels, rules, escalation, schedules, maintenance and what was sent. */
export function AlertingScreen({ tab }: { tab: AlertingTab }) {
  const alerting = useAppStore((s) => s.alerting);
  const load = useAppStore((s) => s.alertingLoad);
  const loadAlerting = useAppStore((s) => s.loadAlerting);
  const now = useNow();

  useEffect(() => {
    void loadAlerting();
  }, [loadAlerting]);

  const counts: Partial<Record<AlertingTab, number>> = {
    channels: alerting.channels.length,
    rules: alerting.rules.length,
    escalation: alerting.escalation.length,
    schedules: alerting.schedules.length,
    maintenance: alerting.maintenance.length,
  };
  const active = alerting.maintenance.filter((m) => m.activeNow).length;
  return (
    <div className="page">
      <PageHeader
        title="Alerting"
        subtitle={
          alerting.channels.length === 0
            ? 'Tell people when something breaks — the relay sends alerts even while this computer sleeps.'
            : `${alerting.channels.length} channel${alerting.channels.length === 1 ? '' : 's'} · ${alerting.rules.length} rule${alerting.rules.length === 1 ? '' : 's'}${active > 0 ? ` · ${active} maintenance window${active === 1 ? '' : 's'} in effect` : ''}`
        }
        actions={
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => void loadAlerting()}
            title="Reload from the relay"
          >
            <RefreshCw size={14} />
          </button>
        }
      />
      <div className="page-body">
        <nav className="alert-tabs" aria-label="Alerting">
          {ALERTING_TABS.map((t) => (
            <a
              key={t}
              href={formatRoute({ screen: 'alerting', tab: t })}
              className={`alert-tab${t === tab ? ' active' : ''}`}
              aria-current={t === tab ? 'page' : undefined}
            >
              {TAB_LABELS[t]}
              {counts[t] !== undefined && counts[t] > 0 && (
                <span className="alert-tab-count">{counts[t]}</span>
              )}
            </a>
          ))}
        </nav>
        {tab === 'deliveries' ? (
          <DeliveriesTab now={now} />
        ) : load.status === 'error' ? (
          <ErrorState message={load.error ?? ''} onRetry={() => void loadAlerting()} />
        ) : load.status !== 'ready' ? (
          <div className="card">
            <Skeleton lines={4} height={32} />
          </div>
        ) : (
          <CurrentTab tab={tab} now={now} />
        )}
      </div>
    </div>
  );
}

function CurrentTab({ tab, now }: { tab: Exclude<AlertingTab, 'deliveries'>; now: number }) {
  switch (tab) {
    case 'channels':
      return <ChannelsTab now={now} />;
    case 'rules':
      return <RulesTab />;
    case 'escalation':
      return <EscalationTab />;
    case 'schedules':
      return <SchedulesTab now={now} />;
    case 'maintenance':
      return <MaintenanceTab />;
  }
}
