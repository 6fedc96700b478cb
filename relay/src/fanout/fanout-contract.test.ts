import { describe, expect, it } from 'vitest';
import type { LoggedResult } from '../storage/relay-storage.js';
import { sampleResult } from '../testing/fixtures.js';
import {
  type AssignmentFanout,
  InProcessAssignmentFanout,
  type MonitorSetChange,
} from './assignment-fanout.js';
import { InProcessLiveFeed, type LiveFeed } from './live-feed.js';

/** Every fan-out implementation; a Redis Streams one would be listed here too. */
const fanouts: Array<[string, (onError: (e: unknown) => void) => AssignmentFanout]> = [
  ['in-process', (onError) => new InProcessAssignmentFanout(onError)],
];
const feeds: Array<[string, (onError: (e: unknown) => void) => LiveFeed]> = [
  ['in-process', (onError) => new InProcessLiveFeed(onError)],
];

const change = (revision: number): MonitorSetChange => ({
  fromRevision: revision - 1,
  revision,
  upserted: [],
  deleted: [`m${revision}`],
});
const logged = (cursor: number): LoggedResult => ({ ...sampleResult('p1', 'eu-west', cursor), cursor });

describe.each(fanouts)('%s assignment fan-out', (_name, make) => {
  it('delivers every change in order to every subscriber, despite one that throws, until it unsubscribes', () => {
    const errors: unknown[] = [];
    const fanout = make((e) => errors.push(e));
    const a: number[] = [];
    const b: number[] = [];
    fanout.subscribe(() => {
      throw new Error('broken listener');
    });
    const stopA = fanout.subscribe((c) => a.push(c.revision));
    fanout.subscribe((c) => b.push(c.revision));
    fanout.publish(change(1));
    fanout.publish(change(2));
    stopA();
    fanout.publish(change(3));
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1, 2, 3]);
    expect(errors).toHaveLength(3);
  });
});

describe.each(feeds)('%s live feed', (_name, make) => {
  it('delivers committed results in log order to every subscriber, despite one that throws', () => {
    const errors: unknown[] = [];
    const feed = make((e) => errors.push(e));
    const seen: number[] = [];
    feed.subscribe(() => {
      throw new Error('broken listener');
    });
    const stop = feed.subscribe((rows) => seen.push(...rows.map((r) => r.cursor)));
    feed.publish([logged(1), logged(2)]);
    feed.publish([logged(3)]);
    stop();
    feed.publish([logged(4)]);
    expect(seen).toEqual([1, 2, 3]);
    expect(errors).toHaveLength(3);
  });
});
