import { describe, expect, it } from 'vitest';
import { badgeColorOf } from './badge-routes.js';
import { barClass } from './render-page-html.js';
import { uptimeTone } from './uptime-tone.js';

describe('uptimeTone', () => {
  it.each([
    [null, 'none'],
    [1, 'ok'],
    [0.995, 'ok'],
    [0.9949, 'warn'],
    [0.95, 'warn'],
    [0.9499, 'bad'],
  ] as const)('%s reads as %s on the bars and the badges alike', (uptime, tone) => {
    expect(uptimeTone(uptime)).toBe(tone);
    expect(barClass(uptime)).toBe(`b-${tone}`);
    expect(badgeColorOf(uptime)).toBe(tone);
  });
});
