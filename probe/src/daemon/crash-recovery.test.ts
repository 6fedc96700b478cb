import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorInput } from '@vantage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool } from '../spool/result-spool.js';
import { startTcpTarget } from '../test-targets/tcp-target.js';
import { type ProbeProcess, spawnProbe } from '../testing/probe-process.js';
import { TestRelay } from '../testing/test-relay.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fixture() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vantage-crash-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const relay = await TestRelay.start({ token: 'tok' });
  cleanups.push(() => relay.stop());
  const target = await startTcpTarget();
  cleanups.push(() => target.close());
  const monitors = Array.from(
    { length: 10 },
    (_, i) =>
      ({
        id: `m${i}`,
        name: `m${i}`,
        type: 'tcp',
        host: '127.0.0.1',
        port: target.port,
        interval: 1,
      }) as MonitorInput,
  );
  relay.setMonitors(monitors);
  const spawn = (): ProbeProcess => {
    const probe = spawnProbe([
      '--relay',
      relay.url,
      '--token',
      'tok',
      '--region',
      'eu-west',
      '--probe-id',
      'crashy',
      '--data-dir',
      dataDir,
      '--canary',
      `127.0.0.1:${target.port}`,
    ]);
    cleanups.push(() => {
      if (probe.child.exitCode === null && probe.child.signalCode === null) probe.child.kill('SIGKILL');
    });
    return probe;
  };
  return { dataDir, relay, spawn };
}

describe('probe process faults', () => {
  it('after kill -9 with unacknowledged results and a restart, the relay stores every result exactly once', async () => {
    const { relay, spawn } = await fixture();
    relay.autoAck = false;
    for (let round = 1; round <= 2; round++) {
      const before = relay.stored.size;
      const probe = spawn();
      await relay.waitFor(() => relay.stored.size >= before + 25, `results in round ${round}`, 30_000);
      probe.child.kill('SIGKILL');
      expect(await probe.exited).toBe('SIGKILL');
    }
    const highBeforeAck = Math.max(...relay.seqsOf('crashy'));
    expect(relay.duplicates).toBeGreaterThan(0);

    const probe = spawn();
    await relay.waitFor(() => relay.hellos.length === 3, 'the third session');
    relay.autoAck = true;
    relay.ack();
    await relay.waitFor(
      () => Math.max(...relay.seqsOf('crashy')) >= highBeforeAck + 20,
      'results after the acks resumed',
      30_000,
    );
    probe.child.kill('SIGTERM');
    expect(await probe.exited).toBe(0);

    const stored = relay.seqsOf('crashy');
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    expect(relay.received.length).toBe(stored.length + relay.duplicates);
    // A duplicate that differed from the stored result would mean a sequence number was reused.
    expect(relay.conflicts).toBe(0);
  }, 120_000);

  it('on SIGTERM cancels a stuck check, flushes the spool and the socket, and exits 0', async () => {
    const { relay, spawn, dataDir } = await fixture();
    const stuck = http.createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => stuck.close(resolve)));
    cleanups.push(() => stuck.closeAllConnections());
    const url = `http://127.0.0.1:${(stuck.address() as AddressInfo).port}/`;
    relay.changeMonitors([
      { id: 'stuck', name: 'stuck', type: 'http', url, interval: 1, timeout: 60 } as MonitorInput,
    ]);
    const probe = spawn();
    await relay.waitFor(() => relay.stored.size >= 20, 'results');
    probe.child.kill('SIGTERM');
    expect(
      await Promise.race([
        probe.exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000)),
      ]),
    ).toBe(0);
    expect(probe.logs().some((line) => line.msg === 'probe stopped' && line.pending === 0)).toBe(true);

    const spool = ResultSpool.open({ dir: join(dataDir, 'spool') });
    expect(spool.depth).toBe(0);
    expect(spool.highSeq).toBe(Math.max(...relay.seqsOf('crashy')));
    await spool.close();
    // The cancelled check observed nothing, so it must not read as the target being down.
    expect(relay.resultsOf('stuck')).toEqual([]);
  }, 60_000);

  it('on SIGTERM with results still unacknowledged, keeps them in the spool and reports how many', async () => {
    const { relay, spawn, dataDir } = await fixture();
    relay.autoAck = false;
    const probe = spawn();
    await relay.waitFor(() => relay.stored.size >= 10, 'results');
    probe.child.kill('SIGTERM');
    expect(await probe.exited).toBe(0);
    const stopped = probe.logs().find((line) => line.msg === 'probe stopped');
    const spool = ResultSpool.open({ dir: join(dataDir, 'spool') });
    expect(spool.depth).toBeGreaterThan(0);
    expect(stopped).toMatchObject({ pending: spool.depth, highSeq: spool.highSeq, ackedSeq: spool.ackedSeq });
    await spool.close();
  }, 60_000);
});
