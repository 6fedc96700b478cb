import { z } from 'zod';

/** Where the desktop gets its results: its own in-process relay, or a relay on a server. */
export const RelayMode = z.enum(['embedded', 'remote']);

const keys = {
  /** `embedded` (the default) runs a relay and a local probe in-process; `remote` dials `remoteUrl`. */
  relayMode: RelayMode.default('embedded'),
  /** The remote relay's WebSocket address, e.g. `wss://relay.example.com/ws`. */
  remoteUrl: z
    .url({ protocol: /^(wss?|https?)$/, error: 'must be a ws://, wss://, http:// or https:// URL' })
    .nullable()
    .default(null),
  /** The desktop token the remote relay issued. */
  remoteToken: z.string().min(1, 'must not be empty').max(500).nullable().default(null),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Days raw results are kept; rollups outlive them (see the store's retention). */
  rawRetentionDays: z.number().int().min(1, 'must be at least 1 day').max(3650).default(30),
  /** Whether OS and tray notifications are shown. */
  notifications: z.boolean().default(true),
  /** Epoch ms until which notifications are muted (the tray's "pause for an hour"); null when not muted. */
  notificationsMutedUntil: z.number().int().nonnegative().nullable().default(null),
};

/** The settings as stored one key per row: each key validates and defaults on its own. */
export const SETTING_KEYS = keys;

/** The name of one setting. */
export type SettingKey = keyof typeof keys;

/** The desktop's settings, every key filled, with the rule that spans keys (remote needs URL and token). */
export const DesktopSettings = z.object(keys).superRefine((s, ctx) => {
  if (s.relayMode !== 'remote') return;
  if (s.remoteUrl === null)
    ctx.addIssue({ code: 'custom', path: ['remoteUrl'], message: 'is needed for a remote relay' });
  if (s.remoteToken === null)
    ctx.addIssue({ code: 'custom', path: ['remoteToken'], message: 'is needed for a remote relay' });
});
/** The desktop's settings. */
export type DesktopSettings = z.output<typeof DesktopSettings>;

/** A change to some settings; `null` clears an optional one. Unknown keys are refused. */
export const SettingsPatch = z.strictObject(keys).partial();
/** A change to some settings. */
export type SettingsPatch = z.input<typeof SettingsPatch>;

/** Every setting at its default. */
export const DEFAULT_SETTINGS: DesktopSettings = Object.freeze(DesktopSettings.parse({}));
