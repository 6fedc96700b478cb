import { describe, expect, it } from 'vitest';
import { incidentView } from '../testing/view-fixtures.js';
import { incidentCounts, incidentsFor } from './incident-filter.js';

const T = 1_700_000_000_000;
const incidents = [
  incidentView({ id: 'a:1', monitorId: 'a', openedAt: T, resolvedAt: T + 60_000 }),
  incidentView({ id: 'b:1', monitorId: 'b', openedAt: T + 1000 }),
  incidentView({ id: 'c:1', monitorId: 'c', openedAt: T + 2000, acknowledgedAt: T + 3000 }),
  incidentView({ id: 'd:1', monitorId: 'd', openedAt: T + 500 }),
];

describe('the incidents page', () => {
  it('lists open incidents that nobody acknowledged first, newest first', () => {
    expect(incidentsFor(incidents, 'open').map((i) => i.id)).toEqual(['b:1', 'd:1', 'c:1']);
  });

  it('lists resolved ones on their own tab and everything, open first, on the last', () => {
    expect(incidentsFor(incidents, 'resolved').map((i) => i.id)).toEqual(['a:1']);
    expect(incidentsFor(incidents, 'all').map((i) => i.id)).toEqual(['b:1', 'd:1', 'c:1', 'a:1']);
  });

  it('counts each tab', () => {
    expect(incidentCounts(incidents)).toEqual({ open: 3, resolved: 1, all: 4 });
  });
});
