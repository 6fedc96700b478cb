import { type Monitor, MonitorSchema } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { ProbeAssignment } from './region-assignment.js';

const monitor = (id: string, over: Record<string, unknown> = {}): Monitor =>
  MonitorSchema.parse({ id, name: id, type: 'http', url: 'http://127.0.0.1/', ...over });

describe('a probe assignment', () => {
  const cases: Array<{
    name: string;
    upserted: Monitor[];
    deleted?: string[];
    expected: null | { upserted: string[]; deleted: string[] };
  }> = [
    {
      name: 'sends a monitor of its region',
      upserted: [monitor('b', { regions: ['eu-west'] })],
      expected: { upserted: ['b'], deleted: [] },
    },
    {
      name: 'skips a monitor of another region it never had',
      upserted: [monitor('c', { regions: ['us-east'] })],
      expected: null,
    },
    {
      name: 'removes a monitor moved to another region',
      upserted: [monitor('a', { regions: ['us-east'] })],
      expected: { upserted: [], deleted: ['a'] },
    },
    {
      name: 'skips a kind of check it cannot run',
      upserted: [monitor('d', { type: 'tcp', host: 'x', port: 1, url: undefined })],
      expected: null,
    },
    {
      name: 'removes a deleted monitor it had',
      upserted: [],
      deleted: ['a'],
      expected: { upserted: [], deleted: ['a'] },
    },
    { name: 'skips the deletion of a monitor it never had', upserted: [], deleted: ['zzz'], expected: null },
  ];
  it.each(cases)('$name', ({ upserted, deleted = [], expected }) => {
    const assignment = new ProbeAssignment('eu-west', new Set(['http']));
    const full = assignment.full([monitor('a'), monitor('x', { regions: ['us-east'] })], 5);
    expect(full.monitors.map((m) => m.id)).toEqual(['a']);
    const diff = assignment.diff({ fromRevision: 5, revision: 6, upserted, deleted });
    if (expected === null) expect(diff).toBeNull();
    else
      expect(diff).toEqual({
        type: 'monitors.diff',
        fromRevision: 5,
        revision: 6,
        ...expected,
        upserted: upserted.filter((m) => expected.upserted.includes(m.id)),
      });
  });

  it('starts the next diff from the revision the probe last saw, so skipped changes leave no gap', () => {
    const assignment = new ProbeAssignment('eu-west', new Set(['http']));
    assignment.full([], 1);
    expect(
      assignment.diff({
        fromRevision: 1,
        revision: 2,
        upserted: [monitor('u', { regions: ['us-east'] })],
        deleted: [],
      }),
    ).toBeNull();
    expect(
      assignment.diff({ fromRevision: 2, revision: 3, upserted: [monitor('e')], deleted: [] }),
    ).toMatchObject({
      fromRevision: 1,
      revision: 3,
    });
  });
});
