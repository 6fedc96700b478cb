import { describe, expect, it } from 'vitest';
import { MonitorSchema } from '../monitor/monitor-schema.js';
import { evaluatedMonitorOf } from './evaluated-monitor.js';

describe('evaluatedMonitorOf', () => {
  it('keeps the regions a probe-checked monitor lists', () => {
    const http = MonitorSchema.parse({
      id: 'api',
      name: 'API',
      type: 'http',
      url: 'https://example.com',
      regions: ['eu-west', 'us-east'],
    });
    expect(evaluatedMonitorOf(http).regions).toEqual(['eu-west', 'us-east']);
  });

  it("lets a heartbeat vote from the relay's own region even when its config lists others", () => {
    const heartbeat = MonitorSchema.parse({
      id: 'backup',
      name: 'Nightly backup',
      type: 'heartbeat',
      period: 3600,
      regions: ['eu-west'],
    });
    expect(evaluatedMonitorOf(heartbeat).regions).toBe('all');
  });
});
