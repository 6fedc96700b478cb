import { describe, expect, it } from 'vitest';
import { type DataDirContext, defaultDataDir } from './default-data-dir.js';

describe('the default data folder', () => {
  it.each<[string, DataDirContext, string]>([
    ['Linux', { platform: 'linux', env: {}, home: '/home/ada' }, '/home/ada/.local/share/vantage-desktop'],
    [
      'Linux with XDG_DATA_HOME',
      { platform: 'linux', env: { XDG_DATA_HOME: '/data/ada' }, home: '/home/ada' },
      '/data/ada/vantage-desktop',
    ],
    [
      'Linux with a relative XDG_DATA_HOME (ignored)',
      { platform: 'linux', env: { XDG_DATA_HOME: 'share' }, home: '/home/ada' },
      '/home/ada/.local/share/vantage-desktop',
    ],
    [
      'FreeBSD',
      { platform: 'freebsd', env: {}, home: '/home/ada' },
      '/home/ada/.local/share/vantage-desktop',
    ],
    [
      'macOS',
      { platform: 'darwin', env: {}, home: '/Users/ada' },
      '/Users/ada/Library/Application Support/Vantage',
    ],
    [
      'Windows',
      { platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, home: 'C:\\Users\\ada' },
      'C:\\Users\\ada\\AppData\\Roaming\\Vantage',
    ],
    [
      'Windows without APPDATA',
      { platform: 'win32', env: {}, home: 'C:\\Users\\ada' },
      'C:\\Users\\ada\\AppData\\Roaming\\Vantage',
    ],
  ])('on %s', (_name, context, expected) => {
    expect(defaultDataDir(context)).toBe(expected);
  });
});
