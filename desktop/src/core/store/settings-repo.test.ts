import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './index.js';
import { type TempStore, tempStore } from './testing/temp-store.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.dispose());

describe('settings repo', () => {
  it('starts from the defaults: embedded relay, 30 days of raw results, notifications on', () => {
    expect(temp.store.settings.get()).toEqual({
      relayMode: 'embedded',
      remoteUrl: null,
      remoteToken: null,
      theme: 'system',
      rawRetentionDays: 30,
      notifications: true,
      notificationsMutedUntil: null,
    });
    expect(DEFAULT_SETTINGS.rawRetentionDays).toBe(30);
  });

  it('applies a valid change and keeps it across a restart', () => {
    const changed = temp.store.settings.update({
      relayMode: 'remote',
      remoteUrl: 'wss://relay.example.com/ws',
      remoteToken: 'vt_desktop_123',
      theme: 'dark',
    });
    expect(changed.ok).toBe(true);
    expect(temp.reopen().settings.get()).toMatchObject({
      relayMode: 'remote',
      remoteUrl: 'wss://relay.example.com/ws',
      theme: 'dark',
      rawRetentionDays: 30,
    });
  });

  it('refuses a bad change, naming each field, and changes nothing', () => {
    const bad = temp.store.settings.update({ rawRetentionDays: 0, theme: 'neon', colour: 'red' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.map((e) => e.path).sort()).toEqual(['', 'rawRetentionDays', 'theme']);
    const remote = temp.store.settings.update({ relayMode: 'remote' });
    expect(remote.ok).toBe(false);
    if (remote.ok) return;
    expect(remote.error.map((e) => e.path).sort()).toEqual(['remoteToken', 'remoteUrl']);
    expect(temp.reopen().settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('clears an optional setting with null', () => {
    temp.store.settings.update({ remoteUrl: 'https://relay.example.com/ws' });
    temp.store.settings.update({ remoteUrl: null });
    expect(temp.reopen().settings.get().remoteUrl).toBeNull();
  });

  it('falls back to the default for a stored value that no longer validates, keeping the others', () => {
    temp.store.settings.update({ theme: 'light', rawRetentionDays: 90 });
    temp.store.close();
    const raw = new Database(temp.path);
    raw.prepare('UPDATE settings SET value = ? WHERE key = ?').run('"sepia"', 'theme');
    raw.prepare('INSERT INTO settings VALUES (?, ?)').run('legacyFlag', 'true');
    raw.close();
    expect(temp.reopen().settings.get()).toMatchObject({ theme: 'system', rawRetentionDays: 90 });
  });
});
