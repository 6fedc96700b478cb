import { useEffect } from 'react';
import type { SettingsView } from '../../contract/index.js';

/** The theme setting. */
export type ThemeSetting = SettingsView['theme'];

const STORAGE_KEY = 'vantage.theme';

/** The theme to draw: the setting, or the system's preference when it says `system`. */
export function resolveTheme(setting: ThemeSetting, prefersDark: boolean): 'light' | 'dark' {
  return setting === 'system' ? (prefersDark ? 'dark' : 'light') : setting;
}

/** Draws a theme on the document (remembered so the next start paints it before settings load). */
export function applyTheme(setting: ThemeSetting): void {
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const theme = resolveTheme(setting, prefersDark);
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  try {
    localStorage.setItem(STORAGE_KEY, setting);
  } catch {
    // Storage can be off (private windows); the theme still applies for this page.
  }
}

/** The theme setting remembered from the last run, before the core answers. */
export function rememberedTheme(): ThemeSetting {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** Keeps the document's theme in step with the setting and, for `system`, with the OS. */
export function useTheme(setting: ThemeSetting | undefined): void {
  useEffect(() => {
    if (setting === undefined) return;
    applyTheme(setting);
    if (setting !== 'system') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [setting]);
}
