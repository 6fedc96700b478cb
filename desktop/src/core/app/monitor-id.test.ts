import { MonitorId } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { monitorIdFromName, slugOf } from './monitor-id.js';

describe('slugOf', () => {
  it.each([
    ['Public API', 'public-api'],
    ['  Café — Crème brûlée!  ', 'cafe-creme-brulee'],
    ['ünïcödé/ÄÖÜ', 'unicode-aou'],
    ['!!!', 'monitor'],
    ['日本語', 'monitor'],
    ['a'.repeat(100), 'a'.repeat(48)],
  ])('%s → %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });
});

describe('monitorIdFromName', () => {
  it('gives a valid id: the slug and a four-character suffix', () => {
    const id = monitorIdFromName('Public API (prod)', () => false, Math.random);
    expect(id).toMatch(/^public-api-prod-[a-z0-9]{4}$/);
    expect(MonitorId.safeParse(id).success).toBe(true);
    expect(MonitorId.safeParse(monitorIdFromName('x'.repeat(200), () => false, Math.random)).success).toBe(
      true,
    );
  });

  it('draws again while the id is taken', () => {
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 0.99, 0.99, 0.99, 0.99];
    const random = () => draws.shift() ?? 0.5;
    const id = monitorIdFromName('api', (candidate) => candidate === 'api-aaaa', random);
    expect(id).toBe('api-9999');
  });
});
