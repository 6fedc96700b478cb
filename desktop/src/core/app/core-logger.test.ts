import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCoreLogger } from './core-logger.js';

describe('createCoreLogger', () => {
  it('redacts tokens and credentials wherever they sit in a log line, children included', () => {
    const lines: string[] = [];
    const logger = createCoreLogger(
      'info',
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    logger.info({ token: 'tok-1', settings: { remoteToken: 'tok-2', remoteUrl: 'wss://relay' } }, 'settings');
    logger.child({ part: 'sync' }).info({ target: { url: 'ws://x', token: 'tok-3' } }, 'linking');
    logger.info(
      { monitor: { auth: { type: 'bearer', token: 'tok-4' }, headers: { authorization: 'Bearer tok-5' } } },
      'm',
    );
    const text = lines.join('');
    for (const secret of ['tok-1', 'tok-2', 'tok-3', 'tok-4', 'tok-5']) expect(text).not.toContain(secret);
    expect(text).toContain('wss://relay');
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(4);
  });
});
