import { Bell, BellOff } from 'lucide-react';
import { useState } from 'react';
import { formatClock } from '../format/format.js';
import { isMuted } from '../store/notifications-slice.js';
import { useAppStore } from '../store/use-app-store.js';
import {
  type BrowserPermission,
  browserPermission,
  requestBrowserPermission,
} from './browser-notifications.js';
import { SettingRow } from './setting-row.js';

/** Notifications on or off, muting for a while, and (in a browser) permission for browser notifications. */
export function NotificationSettings({ now }: { now: number }) {
  const settings = useAppStore((s) => s.settings);
  const app = useAppStore((s) => s.app);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const mute = useAppStore((s) => s.mute);
  const toast = useAppStore((s) => s.toast);
  const [permission, setPermission] = useState<BrowserPermission>(() => browserPermission());
  if (settings === null) return null;
  const muted = settings.notificationsMutedUntil !== null && settings.notificationsMutedUntil > now;

  const act = async (work: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const result = await work;
    if (!result.ok) toast('error', 'Could not change notifications', result.error?.message);
  };
  const askPermission = async () => {
    const answer = await requestBrowserPermission();
    setPermission(answer);
    if (answer === 'granted')
      new Notification('Vantage', { body: 'Browser notifications are on for this page.' });
  };

  return (
    <section className="card settings-section" aria-labelledby="notifications-title">
      <h2 className="section-title" id="notifications-title">
        Notifications
      </h2>
      <SettingRow
        title="Notify me"
        description={
          app?.shell === 'electron'
            ? 'System notifications and the tray icon when an incident opens or resolves.'
            : 'When an incident opens or resolves.'
        }
      >
        <input
          type="checkbox"
          className="switch"
          aria-label="Notifications"
          checked={settings.notifications}
          onChange={(event) => void act(updateSettings({ notifications: event.target.checked }))}
        />
      </SettingRow>
      <SettingRow
        title="Mute"
        description={
          muted
            ? `Muted until ${formatClock(settings.notificationsMutedUntil!)}. Incidents still open and show here.`
            : 'Pause notifications for a while; nothing is lost.'
        }
      >
        {muted ? (
          <button type="button" className="btn btn-sm" onClick={() => void act(mute(0))}>
            <Bell size={13} /> Unmute
          </button>
        ) : (
          <div className="button-row">
            {[60, 480, 1440].map((minutes) => (
              <button
                key={minutes}
                type="button"
                className="btn btn-sm"
                onClick={() => void act(mute(minutes))}
                disabled={!settings.notifications}
              >
                <BellOff size={13} /> {minutes / 60} h
              </button>
            ))}
          </div>
        )}
      </SettingRow>
      {app?.shell !== 'electron' && (
        <SettingRow
          title="Browser notifications"
          description={
            permission === 'granted'
              ? 'On: this browser shows a notification even when the tab is in the background.'
              : permission === 'denied'
                ? 'Blocked by the browser. Allow them in the site settings of this page.'
                : permission === 'unsupported'
                  ? 'This browser cannot show notifications for this page.'
                  : 'Let this browser show notifications when the tab is in the background.'
          }
        >
          {permission === 'default' && (
            <button type="button" className="btn btn-sm" onClick={() => void askPermission()}>
              <Bell size={13} /> Allow
            </button>
          )}
          {permission === 'granted' && (
            <span className="chip chip-up">{isMuted(settings, now) ? 'Allowed · muted' : 'Allowed'}</span>
          )}
        </SettingRow>
      )}
    </section>
  );
}
