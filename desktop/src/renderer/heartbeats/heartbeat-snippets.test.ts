import { describe, expect, it } from 'vitest';
import { cronForPeriod, heartbeatSnippets } from './heartbeat-snippets.js';

const URL = 'https://relay.example.com/hb/abc';

describe('heartbeat snippets', () => {
  it.each([
    [60, '* * * * *'],
    [300, '*/5 * * * *'],
    [3600, '0 * * * *'],
    [21_600, '0 */6 * * *'],
    [86_400, '0 0 * * *'],
    [604_800, '0 0 * * 0'],
    [420, null],
    [90, null],
  ])('turns a period of %i s into the cron %s', (seconds, cron) => {
    expect(cronForPeriod(seconds)).toBe(cron);
  });

  it('pings the URL with curl, retrying and quiet', () => {
    expect(heartbeatSnippets(URL, { period: 300, timezone: 'UTC' }).curl).toBe(
      `curl -fsS -m 10 --retry 5 -o /dev/null ${URL}`,
    );
  });

  it("writes the monitor's own cron with its time zone into the crontab line", () => {
    const { crontab } = heartbeatSnippets(URL, { cron: '30 2 * * *', timezone: 'Europe/Berlin' });
    expect(crontab).toBe(
      `# CRON_TZ applies to every line below it in this crontab\nCRON_TZ=Europe/Berlin\n30 2 * * * /path/to/job.sh && curl -fsS -m 10 --retry 5 -o /dev/null ${URL}`,
    );
  });

  it('writes CRON_TZ=UTC for a UTC cron, so a machine in another zone runs it at UTC times', () => {
    const { crontab } = heartbeatSnippets(URL, { cron: '0 3 * * *', timezone: 'UTC' });
    expect(crontab.split('\n')).toEqual([
      '# CRON_TZ applies to every line below it in this crontab',
      'CRON_TZ=UTC',
      `0 3 * * * /path/to/job.sh && curl -fsS -m 10 --retry 5 -o /dev/null ${URL}`,
    ]);
  });

  it('sends /start, then the exit code with the output as the body, pairing both by a run id', () => {
    const { wrapper } = heartbeatSnippets(URL, { period: 3600, timezone: 'UTC' });
    expect(wrapper).toContain('"$URL/start?rid=$RID"');
    expect(wrapper).toContain('--data-binary @- "$URL/$CODE?rid=$RID"');
    expect(wrapper).toContain('tail -c 10000');
    expect(wrapper.trim().endsWith('exit $CODE')).toBe(true);
  });
});
