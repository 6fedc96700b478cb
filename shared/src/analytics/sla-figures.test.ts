import { describe, expect, it } from 'vitest';
import { slaFigures } from './sla-figures.js';

const H = 3_600_000;
const DAY = 24 * H;
const span = (start: number, end: number, open = false) => ({ start, end, open });

describe('slaFigures', () => {
  it('computes uptime, downtime, MTTR and MTBF of a day with two outages', () => {
    // One hour down and two hours down in a day: 21 h up over 2 failures.
    const figures = slaFigures({
      from: 0,
      to: DAY,
      now: 2 * DAY,
      outages: [span(2 * H, 3 * H), span(10 * H, 12 * H)],
    });
    expect(figures).toEqual({ uptime: 21 / 24, downtimeS: 3 * 3600, mttrS: 1.5 * 3600, mtbfS: 10.5 * 3600 });
  });

  it('counts only the part of an outage inside the range as downtime, but its whole length for MTTR', () => {
    const figures = slaFigures({ from: DAY, to: 2 * DAY, now: 3 * DAY, outages: [span(DAY - H, DAY + H)] });
    expect(figures.downtimeS).toBe(3600);
    expect(figures.mttrS).toBe(2 * 3600);
    // It began before the range: no failure began inside it.
    expect(figures.mtbfS).toBeNull();
  });

  it('stops a range still in progress at now, and an open outage there', () => {
    const figures = slaFigures({ from: 0, to: DAY, now: 10 * H, outages: [span(8 * H, 10 * H, true)] });
    expect(figures.uptime).toBeCloseTo(0.8);
    expect(figures.downtimeS).toBe(2 * 3600);
    expect(figures.mttrS).toBeNull();
  });

  it('removes maintenance from both downtime and observed time', () => {
    const figures = slaFigures({
      from: 0,
      to: 10 * H,
      now: DAY,
      outages: [span(0, 2 * H)],
      maintenance: [{ start: H, end: 2 * H }],
    });
    expect(figures.downtimeS).toBe(3600);
    expect(figures.uptime).toBeCloseTo(1 - 1 / 9);
  });

  it('answers full uptime and no MTTR/MTBF for a range without outages', () => {
    expect(slaFigures({ from: 0, to: DAY, now: DAY, outages: [] })).toEqual({
      uptime: 1,
      downtimeS: 0,
      mttrS: null,
      mtbfS: null,
    });
  });

  it('answers unknown uptime for a range that has not begun', () => {
    expect(slaFigures({ from: DAY, to: 2 * DAY, now: 0, outages: [] }).uptime).toBeNull();
  });
});
