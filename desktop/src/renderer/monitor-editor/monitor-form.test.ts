import { type Monitor, validateMonitor } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { monitorInputFromForm } from './form-input.js';
import { formFromMonitor } from './monitor-form.js';

function valid(input: Record<string, unknown>): Monitor {
  const result = validateMonitor(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const common = {
  id: 'm1',
  name: 'Monitor one',
  tags: ['prod', 'eu'],
  group: 'Edge',
  interval: 30,
  timeout: 5,
};

describe('the monitor form', () => {
  it.each([
    {
      type: 'http',
      url: 'https://example.com/health',
      method: 'POST',
      headers: { 'X-Key': 'abc', Accept: 'application/json' },
      body: '{"ping":true}',
      auth: { type: 'basic', username: 'u', password: 'p' },
      maxRedirects: 2,
      verifyTls: false,
      expectedStatus: '[200..299, 304]',
      certMinDays: 7,
      conditions: ['json $.ok == true', 'response_time < 800 else degraded'],
      regions: ['eu-west', 'us-east'],
      quorum: 2,
      failureWindow: { failures: 3, minutes: 10 },
      degradedAboveMs: 500,
      downAboveMs: 3000,
      retries: 1,
      retryDelayMs: 500,
      paused: true,
      parent: 'gateway',
      description: 'The public API',
    },
    { type: 'tcp', host: 'db.internal', port: 5432, tls: true, verifyTls: false },
    {
      type: 'dns',
      hostname: 'example.com',
      recordType: 'MX',
      resolver: '1.1.1.1:53',
      expectedAnswers: ['mx1.example.com', 'mx2.example.com'],
    },
    { type: 'tls', host: 'example.com', port: 8443, servername: 'www.example.com', certMinDays: 21 },
    {
      type: 'heartbeat',
      cron: '0 3 * * *',
      timezone: 'Europe/Berlin',
      grace: 600,
      interval: 60,
      timeout: 10,
    },
    { type: 'heartbeat', period: 3600, grace: 120 },
    {
      type: 'browser',
      url: 'https://app.example.com/',
      waitUntil: 'networkidle',
      steps: "await page.click('text=Login')",
      viewport: { width: 1280, height: 800 },
      screenshotOnFailure: false,
    },
  ])('shows a saved $type monitor and saves it back unchanged', (fields) => {
    const monitor = valid({ ...common, ...fields });
    const again = valid(monitorInputFromForm(formFromMonitor(monitor)));
    expect(again).toEqual(monitor);
  });
});
