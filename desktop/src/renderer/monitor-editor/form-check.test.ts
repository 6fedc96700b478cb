import { describe, expect, it } from 'vitest';
import { checkForm, fieldOfPath, idFromName, placeErrors } from './form-check.js';
import { emptyForm } from './monitor-form.js';

describe('checking the monitor form', () => {
  it('leaves blank fields out so that the defaults apply', () => {
    const form = { ...emptyForm('http'), name: 'Site', url: 'https://example.com' };
    const checked = checkForm(form);
    expect(checked.input).not.toHaveProperty('interval');
    expect(checked.input).not.toHaveProperty('id');
    expect(checked.monitor).toMatchObject({ id: 'site', interval: 60, expectedStatus: '200..299' });
  });

  it("puts shared's validation messages next to each field", () => {
    const form = {
      ...emptyForm('http'),
      name: '',
      url: 'ftp://nope',
      interval: 'soon',
      headers: 'Bad Header: x',
      authType: 'bearer' as const,
      authToken: '',
      conditions: 'status == 200\nstatus === 1',
    };
    const { errors, monitor } = checkForm(form);
    expect(monitor).toBeNull();
    expect(errors.name).toBe('must not be empty');
    expect(errors.url).toMatch(/http/);
    expect(errors.interval).toMatch(/not a duration/);
    expect(errors.headers).toMatch(/header name/);
    expect(errors.authToken).toBeDefined();
    expect(errors.conditions).toMatch(/^at \d+/);
  });

  it('checks rules that span fields, such as the timeout fitting the interval', () => {
    const { errors } = checkForm({
      ...emptyForm('tcp'),
      name: 'DB',
      host: 'db',
      port: '5432',
      interval: '10',
      timeout: '20',
    });
    expect(errors.timeout).toMatch(/interval/);
  });

  it('asks a heartbeat for exactly one schedule', () => {
    const { errors } = checkForm({ ...emptyForm('heartbeat'), name: 'Backup', schedule: 'cron', cron: '' });
    expect(errors.period).toMatch(/exactly one/);
  });

  it('places API error paths, including nested ones, on their fields', () => {
    const placed = placeErrors([
      { path: 'monitor.failureWindow.minutes', message: 'too big' },
      { path: 'monitor.regions.1', message: 'bad region' },
      { path: 'monitor.viewport', message: 'is required' },
      { path: 'monitor.somethingElse', message: 'odd' },
    ]);
    expect(placed.errors).toEqual({
      failureWindowMinutes: 'too big',
      regions: 'bad region',
      viewportWidth: 'is required',
    });
    expect(placed.general).toEqual(['somethingElse: odd']);
    expect(fieldOfPath('headers.X-Thing')).toBe('headers');
  });

  it('makes ids from names the way a person would', () => {
    expect(idFromName('Main website (EU)')).toBe('main-website-eu');
    expect(idFromName('!!!')).toBe('monitor');
    expect(idFromName('x'.repeat(100))).toHaveLength(64);
  });
});
