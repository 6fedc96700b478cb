import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRelayLogger } from '../logging/create-logger.js';

describe('relay logger and alert channel secrets', () => {
  it('redacts channel secret fields wherever a channel config is logged', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createRelayLogger('info', sink);
    log.info({ channel: { kind: 'telegram', botToken: '123:SECRET-BOT' } }, 'saved');
    log.info(
      {
        routingKey: 'R0UTINGKEY',
        config: { webhookUrl: 'https://hooks.slack.com/services/T/B/SECRETPATH', authToken: 'TW1L10' },
      },
      'saved',
    );
    const text = lines.join('');
    for (const secret of ['SECRET-BOT', 'R0UTINGKEY', 'SECRETPATH', 'TW1L10'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
