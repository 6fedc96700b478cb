import type { SettingsView } from '../../contract/index.js';
import type { DesktopSettings } from '../store/index.js';

/** The settings as the API shows them: whether a remote token is set, never the token. */
export function settingsView(settings: DesktopSettings): SettingsView {
  return {
    relayMode: settings.relayMode,
    remoteUrl: settings.remoteUrl,
    remoteTokenSet: settings.remoteToken !== null,
    theme: settings.theme,
    rawRetentionDays: settings.rawRetentionDays,
    notifications: settings.notifications,
    notificationsMutedUntil: settings.notificationsMutedUntil,
  };
}
