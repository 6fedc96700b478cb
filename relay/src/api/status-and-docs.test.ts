import type { CheckResult } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SqliteResultLog } from '../storage/sqlite/sqlite-result-log.js';
import { type ApiTestRelay, startApiTestRelay } from './api-test-relay.js';

let t: ApiTestRelay;
beforeAll(async () => {
  t = await startApiTestRelay();
});
afterAll(() => t.stop());
const api: ApiTestRelay['api'] = (...args) => t.api(...args);

describe('REST API status, incidents, probes and results', () => {
  it('reads status, incidents and probes, and 404s an unknown incident', async () => {
    expect((await api('GET', '/status')).body).toEqual({
      monitors: expect.any(Array),
      incidents: [],
      probes: [],
    });
    expect((await api('GET', '/incidents?open=true&limit=5')).body).toEqual({ incidents: [] });
    expect((await api('GET', '/incidents?limit=0')).body!.details[0].path).toBe('limit');
    expect((await api('GET', '/probes')).body).toEqual({ probes: [] });
    const ack = await api('POST', '/incidents/api:9/ack', { by: 'ada' });
    expect(ack.status).toBe(404);
    expect((await api('POST', '/incidents/api:9/ack', { by: '' })).body!.details[0].path).toBe('by');
  });

  it('pages through the result log from a cursor', async () => {
    const results: CheckResult[] = [1, 2, 3].map((seq) => ({
      probeId: 'p1',
      seq,
      monitorId: 'api',
      region: 'eu-west',
      ts: Date.now(),
      state: 'up',
      latencyMs: 10 + seq,
      message: '',
      attempts: 1,
      probeHealthy: true,
    }));
    await new SqliteResultLog(t.db).append('p1', results);
    const first = await api('GET', '/results?after=0&limit=2');
    expect(first.body).toMatchObject({ cursor: 2, head: 3, tail: 1 });
    expect(first.body!.results.map((r: CheckResult) => r.seq)).toEqual([1, 2]);
    const rest = await api('GET', '/results?after=2');
    expect(rest.body!.results.map((r: CheckResult) => r.latencyMs)).toEqual([13]);
    expect((await api('GET', '/results?after=3')).body).toMatchObject({ results: [], cursor: 3 });
    const tooMany = await api('GET', '/results?limit=5000');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body!.details[0].path).toBe('limit');
  });
});

describe('OpenAPI document, health and metrics', () => {
  it('serves an OpenAPI document listing every API route, and the Swagger UI, without a token', async () => {
    const response = await fetch(`${t.relay.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: object };
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/v1/monitors',
        'POST /api/v1/monitors',
        'GET /api/v1/monitors/{id}',
        'PUT /api/v1/monitors/{id}',
        'DELETE /api/v1/monitors/{id}',
        'POST /api/v1/monitors/{id}/pause',
        'POST /api/v1/monitors/{id}/resume',
        'GET /api/v1/status',
        'GET /api/v1/incidents',
        'POST /api/v1/incidents/{id}/ack',
        'GET /api/v1/probes',
        'GET /api/v1/results',
        'GET /api/v1/alert-channels',
        'GET /api/v1/alert-channels/{id}',
        'PUT /api/v1/alert-channels/{id}',
        'DELETE /api/v1/alert-channels/{id}',
        'POST /api/v1/alert-channels/{id}/test',
        'POST /api/v1/alert-channels/test',
        ...['alert-rules', 'escalation-policies', 'channel-schedules', 'maintenance-windows'].flatMap((p) => [
          `GET /api/v1/${p}`,
          `PUT /api/v1/${p}/{id}`,
          `DELETE /api/v1/${p}/{id}`,
        ]),
        'GET /api/v1/alert-deliveries',
        'GET /api/v1/heartbeats',
        'GET /api/v1/heartbeats/{monitorId}',
        'POST /api/v1/heartbeats/{monitorId}/rotate-token',
        'GET /api/v1/status-pages',
        'GET /api/v1/status-pages/{slug}',
        'PUT /api/v1/status-pages/{slug}',
        'DELETE /api/v1/status-pages/{slug}',
        'GET /api/v1/status-pages/{slug}/incidents',
        'POST /api/v1/status-pages/{slug}/incidents',
        'POST /api/v1/status-pages/{slug}/incidents/{id}/updates',
        'DELETE /api/v1/status-pages/{slug}/incidents/{id}',
        'GET /api/v1/status-pages/{slug}/subscribers',
        'POST /api/v1/status-pages/{slug}/subscribers',
        'DELETE /api/v1/status-pages/{slug}/subscribers/{id}',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Monitor', 'MonitorInput', 'Incident', 'Error']),
    );
    const ui = await fetch(`${t.relay.url}/api/v1/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('counts a connected probe by region in /metrics', async () => {
    const socket = new WebSocket(`${t.relay.url.replace('http', 'ws')}/ws`);
    const firstFrame = new Promise<Record<string, unknown>>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    const identity = {
      id: 'fra-probe',
      name: 'Frankfurt',
      region: 'eu-west',
      version: '0.1.0',
      capabilities: ['http'],
    };
    socket.send(
      JSON.stringify({ type: 'hello', protocol: 1, role: 'probe', token: t.probe, probe: identity }),
    );
    expect(await firstFrame).toMatchObject({ type: 'hello.ok', maxFrameBytes: expect.any(Number) });
    try {
      const metrics = await (await fetch(`${t.relay.url}/metrics`)).text();
      expect(metrics).toContain('vantage_relay_probes_connected{region="eu-west"} 1');
    } finally {
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.close();
      await closed;
    }
  });

  it('answers /healthz and /metrics', async () => {
    const health = await fetch(`${t.relay.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      uptime: expect.any(Number),
      db: { ok: true },
    });
    const metrics = await (await fetch(`${t.relay.url}/metrics`)).text();
    for (const name of [
      'vantage_relay_desktops_connected 0',
      'vantage_relay_results_ingested_total',
      'vantage_relay_results_per_second',
      'vantage_relay_evaluation_lag_results',
      'vantage_relay_result_log_entries',
      'vantage_relay_database_bytes',
      'vantage_relay_process_resident_memory_bytes',
    ]) {
      expect(metrics).toContain(name);
    }
  });
});
