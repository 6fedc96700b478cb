import { TcpMonitor } from '@vantage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { testCheckContext } from '../../test-targets/check-context.js';
import { closedPort, startTcpTarget, type TcpTarget } from '../../test-targets/tcp-target.js';
import { createTestCertificate } from '../../test-targets/test-certificates.js';
import { phasesTotal } from '../phase-sum.js';
import { runCheck } from '../run-check.js';
import { tcpCheck } from './tcp-check.js';

const monitor = (port: number, extra: { tls?: boolean; verifyTls?: boolean; conditions?: string[] } = {}) =>
  TcpMonitor.parse({ id: 'db', name: 'Database port', type: 'tcp', host: '127.0.0.1', port, ...extra });
const now = Date.now;

let target: TcpTarget | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

describe('tcp check', () => {
  it('is up when the port accepts, with the connect phase as the whole time', async () => {
    target = await startTcpTarget();
    const result = await tcpCheck.run(monitor(target.port), testCheckContext());
    if (!result.ok) throw new Error(result.error);
    expect(result.observation.connected).toBe(true);
    expect(result.phases.connectMs).toBeDefined();
    expect(phasesTotal(result.phases)).toBeCloseTo(result.observation.responseTimeMs, 5);
    const outcome = await runCheck(monitor(target.port), { now });
    expect(outcome).toMatchObject({ state: 'up', message: '' });
  });

  it('is down with "connection refused" when nothing listens', async () => {
    const outcome = await runCheck(monitor(await closedPort()), { now });
    expect(outcome).toMatchObject({ state: 'down', message: 'connection refused' });
  });

  it('completes a TLS handshake when asked and reports the certificate', async () => {
    const cert = await createTestCertificate();
    target = await startTcpTarget({ tls: cert });
    const loose = await runCheck(monitor(target.port, { tls: true, verifyTls: false }), { now });
    expect(loose.state).toBe('up');
    expect(loose.phases.tlsMs).toBeDefined();
    expect(loose.certExpiresAt).toBeGreaterThan(Date.now());
    const strict = await runCheck(monitor(target.port, { tls: true }), { now });
    expect(strict).toMatchObject({ state: 'down', message: 'TLS: self-signed certificate' });
  });

  it('connects from the source address', async () => {
    target = await startTcpTarget();
    await runCheck(monitor(target.port), { now, sourceAddress: '127.0.0.2' });
    expect(target.remoteAddresses).toEqual(['127.0.0.2']);
  });
});
