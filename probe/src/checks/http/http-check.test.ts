import zlib from 'node:zlib';
import { HttpMonitor, type MonitorInput } from '@vantage/shared';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testCheckContext } from '../../test-targets/check-context.js';
import { type HttpTarget, startHttpTarget } from '../../test-targets/http-target.js';
import { closedPort } from '../../test-targets/tcp-target.js';
import {
  createTestCa,
  createTestCertificate,
  daysFromNow,
  type TestCertificate,
} from '../../test-targets/test-certificates.js';
import type { CheckSuccess } from '../check-kind.js';
import { phasesTotal } from '../phase-sum.js';
import { runCheck } from '../run-check.js';
import { createTlsContextCache } from '../tls-context-cache.js';
import { httpCheck } from './http-check.js';

type HttpInput = Omit<Extract<MonitorInput, { type: 'http' }>, 'id' | 'name' | 'type'>;
const monitor = (input: HttpInput) => HttpMonitor.parse({ id: 'web', name: 'Web', type: 'http', ...input });
const now = Date.now;

let target: HttpTarget;
afterEach(() => target?.close());

async function observe(input: HttpInput, bodyLimitBytes = 64 * 1024): Promise<CheckSuccess> {
  const result = await httpCheck.run(monitor(input), testCheckContext({ bodyLimitBytes }));
  if (!result.ok) throw new Error(`expected a response, got: ${result.error}`);
  return result;
}

describe('http check', () => {
  it('reports status, lower-cased headers and body of a healthy target as up', async () => {
    target = await startHttpTarget({
      routes: { '/ok': { body: 'all good', headers: { 'X-Version': '7' } } },
    });
    const outcome = await runCheck(monitor({ url: target.url('/ok') }), { now });
    expect(outcome).toMatchObject({ state: 'up', statusCode: 200, message: '', attempts: 1 });
    const seen = await observe({ url: target.url('/ok') });
    expect(seen.observation.headers?.['x-version']).toBe('7');
    expect(seen.observation.body).toBe('all good');
  });

  it('times each phase from socket events and the phases add up to the total', async () => {
    target = await startHttpTarget({ routes: { '/ok': { body: 'x'.repeat(10_000), delayMs: 20 } } });
    const seen = await observe({ url: target.url('/ok').replace('127.0.0.1', 'localhost') });
    const { phases, observation } = seen;
    expect(Object.keys(phases).sort()).toEqual(['connectMs', 'dnsMs', 'transferMs', 'ttfbMs']);
    expect(phasesTotal(phases)).toBeLessThanOrEqual(observation.responseTimeMs + 0.01);
    expect(phasesTotal(phases)).toBeGreaterThanOrEqual(observation.responseTimeMs * 0.95 - 1);
    expect(observation.ttfbMs).toBe(phases.ttfbMs);
  });

  it('is down with the status named when the target answers 500', async () => {
    target = await startHttpTarget({ routes: { '/broken': { status: 500 } } });
    const outcome = await runCheck(monitor({ url: target.url('/broken') }), { now });
    expect(outcome.state).toBe('down');
    expect(outcome.statusCode).toBe(500);
    expect(outcome.message).toContain('500');
  });

  it('is degraded when the response is slower than degradedAboveMs', async () => {
    target = await startHttpTarget({ routes: { '/slow': { delayMs: 150 } } });
    const outcome = await runCheck(monitor({ url: target.url('/slow'), degradedAboveMs: 20 }), { now });
    expect(outcome.state).toBe('degraded');
    expect(outcome.message).toMatch(/response.time/i);
  });

  it('is degraded when a soft condition fails and down when a hard one does', async () => {
    target = await startHttpTarget({ routes: { '/api': { body: '{"ok":true,"queue":120}' } } });
    const soft = await runCheck(
      monitor({ url: target.url('/api'), conditions: ['body.$.queue < 100 else degraded'] }),
      {
        now,
      },
    );
    expect(soft.state).toBe('degraded');
    expect(soft.verdicts.find((v) => !v.pass)?.severity).toBe('degraded');
    const hard = await runCheck(
      monitor({ url: target.url('/api'), conditions: ['body contains "maintenance"'] }),
      { now },
    );
    expect(hard.state).toBe('down');
    expect(hard.message).toContain('maintenance');
  });

  it('gives up with "timeout after N s" when the target is slower than the timeout', async () => {
    target = await startHttpTarget({ routes: { '/hang': { delayMs: 10_000 } } });
    const outcome = await runCheck(monitor({ url: target.url('/hang'), timeout: 0.3 }), { now });
    expect(outcome).toMatchObject({ state: 'down', message: 'timeout after 0.3 s' });
    expect(outcome.latencyMs).toBeLessThan(10_000);
  });

  it('says "connection refused" when nothing listens', async () => {
    const port = await closedPort();
    const outcome = await runCheck(monitor({ url: `http://127.0.0.1:${port}/` }), { now });
    expect(outcome).toMatchObject({ state: 'down', message: 'connection refused', verdicts: [] });
    expect(outcome.phases.connectMs).toBeUndefined();
  });

  it('sends the method, headers, body and basic or bearer credentials', async () => {
    target = await startHttpTarget({ routes: { '/submit': { status: 201 } } });
    await observe({
      url: target.url('/submit'),
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc' },
      body: '{"hello":"world"}',
      auth: { type: 'basic', username: 'ann', password: 's3cret' },
    });
    await observe({ url: target.url('/submit'), auth: { type: 'bearer', token: 'tok-123' } });
    const [basic, bearer] = target.requests;
    expect(basic).toMatchObject({ method: 'POST', body: '{"hello":"world"}' });
    expect(basic?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-trace': 'abc',
      authorization: `Basic ${Buffer.from('ann:s3cret').toString('base64')}`,
    });
    expect(bearer?.headers.authorization).toBe('Bearer tok-123');
    expect(bearer?.method).toBe('GET');
  });

  it('follows redirects on a fresh connection per hop and reports the final response', async () => {
    target = await startHttpTarget({
      routes: {
        '/a': { redirect: '/b', status: 301 },
        '/b': { redirect: '/final' },
        '/final': { body: 'landed' },
      },
    });
    const seen = await observe({ url: target.url('/a') });
    expect(seen.statusCode).toBe(200);
    expect(seen.observation.body).toBe('landed');
    expect(target.requests.map((r) => r.path)).toEqual(['/a', '/b', '/final']);
    // Each hop dialled its own connection: three connects were timed and summed.
    expect(seen.phases.connectMs).toBeGreaterThan(0);
    expect(phasesTotal(seen.phases)).toBeLessThanOrEqual(seen.observation.responseTimeMs + 0.01);
  });

  it('stops at maxRedirects with a message, and with 0 reports the redirect itself', async () => {
    target = await startHttpTarget({ routes: { '/loop': { redirect: '/loop' } } });
    const limited = await runCheck(monitor({ url: target.url('/loop'), maxRedirects: 2 }), { now });
    expect(limited).toMatchObject({ state: 'down', message: 'too many redirects (more than 2)' });
    expect(target.requests).toHaveLength(3);
    const unfollowed = await runCheck(
      monitor({ url: target.url('/loop'), maxRedirects: 0, expectedStatus: '300..399' }),
      {
        now,
      },
    );
    expect(unfollowed).toMatchObject({ state: 'up', statusCode: 302 });
  });

  it('turns a POST into a body-less GET after 303 and drops credentials on another origin', async () => {
    const other = await startHttpTarget({ routes: { '/landing': { body: 'elsewhere' } } });
    try {
      target = await startHttpTarget({
        routes: { '/form': { status: 303, redirect: other.url('/landing') } },
      });
      const seen = await observe({
        url: target.url('/form'),
        method: 'POST',
        body: 'a=1',
        auth: { type: 'bearer', token: 'secret-token' },
      });
      expect(seen.observation.body).toBe('elsewhere');
      expect(target.requests[0]?.headers.authorization).toBe('Bearer secret-token');
      expect(other.requests[0]).toMatchObject({ method: 'GET', body: '' });
      expect(other.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('keeps only bodyLimitBytes of a large body', async () => {
    target = await startHttpTarget({ routes: { '/big': { body: `${'a'.repeat(500_000)}END` } } });
    const seen = await observe({ url: target.url('/big') }, 1000);
    expect(seen.observation.body).toHaveLength(1000);
    const outcome = await runCheck(
      monitor({ url: target.url('/big'), conditions: ['body contains "END"'] }),
      {
        now,
        bodyLimitBytes: 1000,
      },
    );
    expect(outcome.state).toBe('down');
  });

  it('decompresses a gzip body for conditions', async () => {
    target = await startHttpTarget({ routes: { '/z': { body: 'compressed hello', gzip: true } } });
    const seen = await observe({ url: target.url('/z') });
    expect(seen.observation.body).toBe('compressed hello');
  });

  it('stops inflating a compressed body once the limit is kept', async () => {
    // ~50 MB of zeros compress to ~50 KB: inflating it all would cost a second of CPU per check.
    target = await startHttpTarget({ routes: { '/bomb': { body: Buffer.alloc(50_000_000), gzip: true } } });
    const gunzips: zlib.Gunzip[] = [];
    const create = zlib.createGunzip;
    const spy = vi.spyOn(zlib, 'createGunzip').mockImplementation((options) => {
      const stream = create(options);
      gunzips.push(stream);
      return stream;
    });
    try {
      const seen = await observe({ url: target.url('/bomb') }, 1000);
      expect(seen.observation.body).toHaveLength(1000);
    } finally {
      spy.mockRestore();
    }
    expect(gunzips).toHaveLength(1);
    expect(gunzips[0]?.destroyed).toBe(true);
  });

  it('binds the outgoing socket to the source address', async () => {
    target = await startHttpTarget({ routes: { '/ok': {} } });
    const outcome = await runCheck(monitor({ url: target.url('/ok') }), { now, sourceAddress: '127.0.0.2' });
    expect(outcome.state).toBe('up');
    expect(target.requests[0]?.remoteAddress).toBe('127.0.0.2');
  });

  it('reports a header value HTTP forbids as a failed check, not a crash', async () => {
    target = await startHttpTarget({ routes: { '/ok': {} } });
    const outcome = await runCheck(
      monitor({ url: target.url('/ok'), headers: { 'x-bad': 'a\r\nInjected: 1' } }),
      {
        now,
      },
    );
    expect(outcome.state).toBe('down');
    expect(outcome.message).toMatch(/^invalid request/);
    expect(target.requests).toHaveLength(0);
  });
});

describe('https check', () => {
  let ca: TestCertificate;
  beforeAll(async () => {
    ca = await createTestCa('Vantage Test CA');
  });

  it('is down for a self-signed certificate with verification on, up with it off', async () => {
    target = await startHttpTarget({
      tls: await createTestCertificate(),
      routes: { '/': { body: 'secure' } },
    });
    const strict = await runCheck(monitor({ url: target.url('/') }), { now });
    expect(strict).toMatchObject({ state: 'down', message: 'TLS: self-signed certificate' });
    // Verification fails before a byte of the request is written.
    expect(target.requests).toHaveLength(0);
    const loose = await runCheck(monitor({ url: target.url('/'), verifyTls: false }), { now });
    expect(loose).toMatchObject({ state: 'up', statusCode: 200, certIssuer: 'localhost' });
    expect(loose.certExpiresAt).toBeGreaterThan(Date.now());
  });

  it('times the TLS handshake as its own phase', async () => {
    target = await startHttpTarget({ tls: await createTestCertificate({ ca }), routes: { '/': {} } });
    const result = await httpCheck.run(
      monitor({ url: target.url('/') }),
      testCheckContext({ tls: createTlsContextCache({ extraCa: [ca.cert] }) }),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.phases.tlsMs).toBeGreaterThan(0);
    expect(phasesTotal(result.phases)).toBeLessThanOrEqual(result.observation.responseTimeMs + 0.01);
    expect(result.certIssuer).toBe('Vantage Test CA (Vantage Test Root)');
  });

  it('is degraded naming the days left when the certificate is near expiry', async () => {
    const cert = await createTestCertificate({ ca, notAfter: daysFromNow(3.05) });
    target = await startHttpTarget({ tls: cert, routes: { '/': {} } });
    const outcome = await runCheck(monitor({ url: target.url('/'), certMinDays: 14 }), {
      now,
      tls: createTlsContextCache({ extraCa: [ca.cert] }),
    });
    expect(outcome.state).toBe('degraded');
    expect(outcome.message).toMatch(/3 days/);
  });

  it('is down for an expired certificate, with verification on or off', async () => {
    target = await startHttpTarget({
      tls: await createTestCertificate({ notAfter: daysFromNow(-3) }),
      routes: { '/': {} },
    });
    const strict = await runCheck(monitor({ url: target.url('/') }), { now });
    expect(strict).toMatchObject({ state: 'down', message: 'certificate expired 3 days ago' });
    const loose = await runCheck(monitor({ url: target.url('/'), verifyTls: false }), { now });
    expect(loose.state).toBe('down');
  });
});
