import type { Incident } from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from './testing/temp-store.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.dispose());

function opened(monitorId: string, n: number, at: number): Incident {
  return {
    id: `${monitorId}:${n}`,
    monitorId,
    openedAt: at,
    cause: 'connect ECONNREFUSED',
    regions: ['eu-west', 'us-east'],
    timeline: [
      { ts: at, kind: 'opened', message: 'down in 2 of 3 regions' },
      { ts: at, kind: 'region.down', region: 'eu-west', message: 'connect ECONNREFUSED' },
    ],
  };
}

function resolved(incident: Incident, at: number): Incident {
  return {
    ...incident,
    resolvedAt: at,
    timeline: [...incident.timeline, { ts: at, kind: 'resolved', message: 'up in every region' }],
  };
}

describe('incident repo', () => {
  it('keeps incidents with their timeline and lists open and resolved ones newest first', () => {
    const { incidents } = temp.store;
    const first = opened('api', 1, 1_000);
    incidents.upsert(first);
    incidents.upsert(resolved(first, 2_000));
    incidents.upsert(opened('api', 2, 3_000));
    incidents.upsert(opened('web', 1, 2_500));

    const again = temp.reopen().incidents;
    expect(again.list().map((i) => i.id)).toEqual(['api:2', 'web:1', 'api:1']);
    expect(again.list({ open: true }).map((i) => i.id)).toEqual(['api:2', 'web:1']);
    expect(again.list({ open: false }).map((i) => i.id)).toEqual(['api:1']);
    expect(again.list({ monitorId: 'api', limit: 1 }).map((i) => i.id)).toEqual(['api:2']);
    expect(again.timeline('api:1').map((line) => line.kind)).toEqual(['opened', 'region.down', 'resolved']);
    expect(again.timeline('nope')).toEqual([]);
  });

  it('ignores an older copy that arrives after a newer one (a replayed event)', () => {
    const { incidents } = temp.store;
    const first = opened('api', 1, 1_000);
    expect(incidents.upsert(resolved(first, 2_000))).toBe(true);
    expect(incidents.upsert(first)).toBe(false);
    expect(incidents.get('api:1')).toMatchObject({ resolvedAt: 2_000 });
    const acknowledged = { ...first, acknowledgedAt: 1_500, acknowledgedBy: 'ana' };
    const other = opened('db', 1, 1_000);
    incidents.upsert({ ...other, acknowledgedAt: 1_200 });
    expect(incidents.upsert(other)).toBe(false);
    expect(incidents.upsert(acknowledged)).toBe(false);
  });
});
