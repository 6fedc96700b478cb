import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRelayLogger } from './create-logger.js';

describe('createRelayLogger', () => {
  it('censors tokens, authorization headers and monitor credentials wherever they appear', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createRelayLogger('info', sink).child({ part: 'api', connId: 'c1' });
    log.info({
      token: 'vnt_secret-1',
      hello: { token: 'vnt_secret-2' },
      req: { headers: { authorization: 'Bearer vnt_secret-3', host: 'relay' } },
      monitor: {
        id: 'api',
        auth: { type: 'basic', username: 'u', password: 'secret-4' },
        headers: { authorization: 'Bearer secret-5' },
      },
    });
    const text = lines.join('');
    for (const secret of ['secret-1', 'secret-2', 'secret-3', 'secret-4', 'secret-5'])
      expect(text).not.toContain(secret);
    const line = JSON.parse(lines[0]!) as { req: { headers: Record<string, string> } };
    expect(line).toMatchObject({
      part: 'api',
      connId: 'c1',
      token: '[redacted]',
      monitor: { id: 'api', auth: '[redacted]' },
    });
    expect(line.req.headers).toEqual({ authorization: '[redacted]', host: 'relay' });
  });
});
