import { describe, expect, it } from 'vitest';
import { planReconcile, sameMonitor } from './monitor-reconcile.js';
import { testMonitor } from './testing/sync-fixture.js';

const URL_A = 'http://127.0.0.1:9/a';
const m = (id: string, name = id) => testMonitor(id, URL_A, { name });
const ids = (monitors: ReadonlyArray<{ id: string }>) => monitors.map((x) => x.id);

describe('planReconcile', () => {
  it.each([
    {
      title: 'a known relay: its new and changed monitors are stored, what it dropped is removed',
      local: [m('same'), m('changed'), m('dropped')],
      relay: [m('same'), m('changed', 'renamed'), m('new')],
      pending: [],
      firstSync: false,
      expected: { store: ['changed', 'new'], remove: ['dropped'], push: [] },
    },
    {
      title: 'a known relay: monitors with a pending change are left to that change',
      local: [m('edited', 'local edit'), m('created')],
      relay: [m('edited', 'relay copy'), m('deleted-here')],
      pending: ['edited', 'created', 'deleted-here'],
      firstSync: false,
      expected: { store: [], remove: [], push: [] },
    },
    {
      title: 'a new relay: every local monitor it lacks or has differently is pushed; its own are kept',
      local: [m('same'), m('differs', 'ours'), m('only-here')],
      relay: [m('same'), m('differs', 'theirs'), m('only-there')],
      pending: [],
      firstSync: true,
      expected: { store: ['only-there'], remove: [], push: ['differs', 'only-here'] },
    },
    {
      title: 'a new relay and an empty desktop: the relay set is taken whole',
      local: [],
      relay: [m('a'), m('b')],
      pending: [],
      firstSync: true,
      expected: { store: ['a', 'b'], remove: [], push: [] },
    },
  ])('$title', ({ local, relay, pending, firstSync, expected }) => {
    const plan = planReconcile({ local, relay, pending: new Set(pending), firstSync });
    expect({ store: ids(plan.store), remove: plan.remove, push: ids(plan.push) }).toEqual(expected);
  });

  it('pushes the local version on a new relay and stores the relay version on a known one', () => {
    const input = { local: [m('x', 'ours')], relay: [m('x', 'theirs')], pending: new Set<string>() };
    expect(planReconcile({ ...input, firstSync: true }).push[0]?.name).toBe('ours');
    expect(planReconcile({ ...input, firstSync: false }).store[0]?.name).toBe('theirs');
  });
});

describe('sameMonitor', () => {
  it('ignores key order and sees any field difference', () => {
    const a = m('x');
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(sameMonitor(a, reordered)).toBe(true);
    expect(sameMonitor(a, { ...a, tags: ['prod'] })).toBe(false);
  });
});
