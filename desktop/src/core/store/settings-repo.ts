import { err, type FieldError, ok, type Result, zodIssuesToFieldErrors } from '@vantage/shared';
import type Database from 'better-sqlite3';
import {
  DEFAULT_SETTINGS,
  DesktopSettings,
  SETTING_KEYS,
  type SettingKey,
  SettingsPatch,
} from './desktop-settings.js';

/**
 * Settings as one JSON value per key. Read once at open and kept frozen in memory; a stored value
 * that no longer validates (written by another version or by hand) falls back to its default
 * instead of stopping the app, and is replaced on the next update of that key.
 */
export class SettingsRepo {
  #current: DesktopSettings;
  readonly #write: Database.Statement<[string, string]>;

  constructor(private readonly db: Database.Database) {
    this.#write = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.#current = this.#read();
  }

  /** The current settings, every key filled. */
  get(): DesktopSettings {
    return this.#current;
  }

  /** Validates and applies a change; on failure every bad field is named and nothing changes. */
  update(patch: unknown): Result<DesktopSettings, FieldError[]> {
    const parsedPatch = SettingsPatch.safeParse(patch);
    if (!parsedPatch.success) return err(zodIssuesToFieldErrors(parsedPatch.error.issues));
    const merged = DesktopSettings.safeParse({ ...this.#current, ...parsedPatch.data });
    if (!merged.success) return err(zodIssuesToFieldErrors(merged.error.issues));
    const next = Object.freeze(merged.data);
    this.db.transaction(() => {
      for (const key of Object.keys(parsedPatch.data) as SettingKey[]) {
        this.#write.run(key, JSON.stringify(next[key]));
      }
    })();
    this.#current = next;
    return ok(next);
  }

  #read(): DesktopSettings {
    const rows = this.db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
    const values: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      if (!Object.hasOwn(SETTING_KEYS, key)) continue;
      const parsed = SETTING_KEYS[key as SettingKey].safeParse(safeJson(value));
      if (parsed.success) values[key] = parsed.data;
    }
    const whole = DesktopSettings.safeParse(values);
    // Keys valid one by one can still break the rule between them (remote without a URL): embedded then.
    return Object.freeze(
      whole.success ? whole.data : { ...(values as DesktopSettings), relayMode: 'embedded' },
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
