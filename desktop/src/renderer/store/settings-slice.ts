import type {
  ApiResult,
  AppInfoView,
  ImportOutcomeView,
  MethodInput,
  MethodOutput,
  SettingsView,
} from '../../contract/index.js';
import { failed, IDLE, type LoadState, READY, reloading } from './load-state.js';
import type { SliceCreator } from './store-types.js';

/** The app's facts and the user's settings. */
export interface SettingsSlice {
  app: AppInfoView | null;
  settings: SettingsView | null;
  settingsLoad: LoadState;
  loadSettings(): Promise<void>;
  applySettings(settings: SettingsView): void;
  updateSettings(patch: MethodInput<'settings.update'>): Promise<ApiResult<SettingsView>>;
  /** Mutes notifications for some minutes; 0 unmutes. */
  mute(minutes: number): Promise<ApiResult<SettingsView>>;
  exportConfig(format: 'json' | 'yaml'): Promise<ApiResult<MethodOutput<'config.export'>>>;
  importConfig(input: MethodInput<'config.import'>): Promise<ApiResult<ImportOutcomeView>>;
}

/** The settings slice. */
export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, { transport }) => ({
  app: null,
  settings: null,
  settingsLoad: IDLE,

  async loadSettings() {
    set({ settingsLoad: reloading(get().settingsLoad) });
    const [app, settings] = await Promise.all([
      transport.call('app.info', {}),
      transport.call('settings.get', {}),
    ]);
    if (!app.ok) return set({ settingsLoad: failed(app.error.message) });
    if (!settings.ok) return set({ settingsLoad: failed(settings.error.message) });
    set({ app: app.value, settings: settings.value, settingsLoad: READY });
  },

  applySettings(settings) {
    set({ settings });
  },

  async updateSettings(patch) {
    const result = await transport.call('settings.update', patch);
    if (result.ok) get().applySettings(result.value);
    return result;
  },

  async mute(minutes) {
    const result = await transport.call('notifications.mute', { minutes });
    if (result.ok) get().applySettings(result.value);
    return result;
  },

  exportConfig(format) {
    return transport.call('config.export', { format });
  },

  async importConfig(input) {
    const result = await transport.call('config.import', input);
    // What an import changed arrives as events too, but a replace may remove many: reload once.
    if (result.ok) await Promise.all([get().loadMonitors(), get().loadSettings()]);
    return result;
  },
});
