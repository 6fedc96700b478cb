import { Laptop, Moon, Sun } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { ErrorState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { Segmented } from '../components/segmented.js';
import { useNow } from '../components/use-now.js';
import { useAppStore } from '../store/use-app-store.js';
import { ConfigTransfer } from './config-transfer.js';
import { NotificationSettings } from './notification-settings.js';
import { RelaySettings } from './relay-settings.js';
import { SettingRow } from './setting-row.js';

/** Relay, notifications, appearance, data retention and configuration import/export. */
export function SettingsScreen() {
  const settings = useAppStore((s) => s.settings);
  const load = useAppStore((s) => s.settingsLoad);
  const loadSettings = useAppStore((s) => s.loadSettings);
  const now = useNow();
  return (
    <div className="page">
      <PageHeader title="Settings" />
      <div className="page-body settings">
        {settings === null ? (
          load.status === 'error' ? (
            <ErrorState message={load.error ?? ''} onRetry={() => void loadSettings()} />
          ) : (
            <div className="card">
              <Skeleton lines={6} height={28} />
            </div>
          )
        ) : (
          <>
            <RelaySettings />
            <NotificationSettings now={now} />
            <AppearanceAndData />
            <ConfigTransfer />
          </>
        )}
      </div>
    </div>
  );
}

function AppearanceAndData() {
  const settings = useAppStore((s) => s.settings)!;
  const app = useAppStore((s) => s.app);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const toast = useAppStore((s) => s.toast);
  const [days, setDays] = useState(String(settings.rawRetentionDays));
  const [daysError, setDaysError] = useState<string | null>(null);

  const saveDays = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(days);
    const result = await updateSettings({
      rawRetentionDays: Number.isInteger(value) ? value : (days as unknown as number),
    });
    if (!result.ok) return setDaysError(result.error.fields?.[0]?.message ?? result.error.message);
    setDaysError(null);
    toast('success', `Raw checks are kept ${result.value.rawRetentionDays} days`);
  };

  return (
    <section className="card settings-section" aria-labelledby="appearance-title">
      <h2 className="section-title" id="appearance-title">
        Appearance and data
      </h2>
      <SettingRow title="Theme" description="System follows your computer's light or dark mode.">
        <Segmented
          label="Theme"
          options={[
            {
              value: 'system',
              label: (
                <>
                  <Laptop size={13} /> System
                </>
              ),
            },
            {
              value: 'light',
              label: (
                <>
                  <Sun size={13} /> Light
                </>
              ),
            },
            {
              value: 'dark',
              label: (
                <>
                  <Moon size={13} /> Dark
                </>
              ),
            },
          ]}
          value={settings.theme}
          onChange={(theme) => void updateSettings({ theme })}
        />
      </SettingRow>
      <SettingRow
        title="Keep raw checks for"
        description="Individual checks are dropped after this; per-minute, hourly and daily figures are kept longer, so charts have no holes."
      >
        <form className="inline-form" onSubmit={(event) => void saveDays(event)}>
          <input
            className={`input input-narrow${daysError !== null ? ' invalid' : ''}`}
            inputMode="numeric"
            value={days}
            aria-label="Days to keep raw checks"
            aria-invalid={daysError !== null}
            onChange={(event) => setDays(event.target.value)}
          />
          <span className="muted">days</span>
          <button type="submit" className="btn btn-sm" disabled={days === String(settings.rawRetentionDays)}>
            Save
          </button>
        </form>
      </SettingRow>
      {daysError !== null && <div className="field-error right">{daysError}</div>}
      {app !== null && (
        <SettingRow
          title="Data folder"
          description={`Vantage ${app.version} · ${app.shell === 'electron' ? 'desktop app' : 'web mode'}`}
        >
          <code className="path">{app.dataDir}</code>
        </SettingRow>
      )}
    </section>
  );
}
