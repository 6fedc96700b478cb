import { describe, expect, it } from 'vitest';
import { navigateMessageFor } from './navigate-message.js';
import { readShellFlags } from './shell-flags.js';

describe("reading the app's flags from Electron's argv", () => {
  it('takes the app flags after the executable and app folder and ignores Chromium switches', () => {
    expect(
      readShellFlags([
        '/opt/electron',
        '/work/desktop',
        '--no-sandbox',
        '--data-dir=/data',
        '--port',
        '0',
        '--relay',
        'wss://r/ws',
        '--token',
        't',
        '--log-level',
        'debug',
      ]),
    ).toEqual({ dataDir: '/data', port: '0', relay: 'wss://r/ws', token: 't', logLevel: 'debug' });
  });

  it('keeps a flag given without its value as empty, so validation names it', () => {
    expect(readShellFlags(['/Applications/Vantage', '--data-dir'])).toEqual({ dataDir: '' });
    expect(readShellFlags(['/Applications/Vantage'])).toEqual({});
  });
});

describe('notification clicks', () => {
  it('open the monitor the notification is about, or just the window', () => {
    expect(navigateMessageFor({ monitorId: 'api' })).toEqual({ type: 'navigate', monitorId: 'api' });
    expect(navigateMessageFor({})).toBeNull();
  });
});
