import { TlsMonitor } from '@vantage/shared';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTcpTarget, type TcpTarget } from '../../test-targets/tcp-target.js';
import {
  createTestCa,
  createTestCertificate,
  daysFromNow,
  type TestCertificate,
} from '../../test-targets/test-certificates.js';
import { runCheck } from '../run-check.js';
import { createTlsContextCache, type TlsContextCache } from '../tls-context-cache.js';

let ca: TestCertificate;
let trusting: TlsContextCache;
beforeAll(async () => {
  ca = await createTestCa('Vantage Test CA');
  trusting = createTlsContextCache({ extraCa: [ca.cert] });
});

let target: TcpTarget | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

async function serve(cert: TestCertificate): Promise<number> {
  target = await startTcpTarget({ tls: cert });
  return target.port;
}

const monitor = (
  port: number,
  extra: { verifyTls?: boolean; servername?: string; certMinDays?: number } = {},
) => TlsMonitor.parse({ id: 'cert', name: 'Certificate', type: 'tls', host: '127.0.0.1', port, ...extra });
const check = (port: number, extra?: Parameters<typeof monitor>[1]) =>
  runCheck(monitor(port, extra), { now: Date.now, tls: trusting });

describe('tls check', () => {
  it('is up for a trusted certificate far from expiry and reports issuer and expiry', async () => {
    const port = await serve(await createTestCertificate({ ca, notAfter: daysFromNow(90) }));
    const outcome = await check(port);
    expect(outcome).toMatchObject({
      state: 'up',
      message: '',
      certIssuer: 'Vantage Test CA (Vantage Test Root)',
    });
    expect(outcome.certExpiresAt).toBeGreaterThan(daysFromNow(89).getTime());
    expect(outcome.phases.tlsMs).toBeDefined();
  });

  it('is degraded with the days left when the certificate expires within certMinDays', async () => {
    const port = await serve(await createTestCertificate({ ca, notAfter: daysFromNow(3.05) }));
    const outcome = await check(port, { certMinDays: 14 });
    expect(outcome.state).toBe('degraded');
    expect(outcome.message).toMatch(/expires in 3 days/);
  });

  it('is down with "certificate expired N days ago" for an expired certificate', async () => {
    const port = await serve(await createTestCertificate({ ca, notAfter: daysFromNow(-3) }));
    const outcome = await check(port);
    expect(outcome).toMatchObject({ state: 'down', message: 'certificate expired 3 days ago' });
  });

  it('is down for a self-signed certificate unless verification is off', async () => {
    const port = await serve(await createTestCertificate());
    expect(await check(port)).toMatchObject({ state: 'down', message: 'TLS: self-signed certificate' });
    expect((await check(port, { verifyTls: false })).state).toBe('up');
  });

  it('is down when the certificate does not cover the host name', async () => {
    const port = await serve(await createTestCertificate({ ca, dnsNames: ['shop.example.test'] }));
    const outcome = await check(port, { servername: 'api.example.test' });
    expect(outcome.state).toBe('down');
    expect(outcome.message).toMatch(
      /^TLS: certificate does not match api\.example\.test \(it covers .*shop\.example\.test/,
    );
    expect((await check(port, { servername: 'shop.example.test' })).state).toBe('up');
  });

  it('still reports an expired certificate as down with verification off', async () => {
    const port = await serve(await createTestCertificate({ notAfter: daysFromNow(-3) }));
    const outcome = await check(port, { verifyTls: false });
    expect(outcome.state).toBe('down');
    expect(outcome.certExpiresAt).toBeLessThan(Date.now());
  });
});
