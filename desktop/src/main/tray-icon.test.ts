import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TRAY_COLORS, trayIconPng } from './tray-icon.js';

/** Decodes the PNGs trayIconPng writes (RGBA, 8 bits, unfiltered) into rows of pixels. */
function decode(png: Buffer): { size: number; pixel(x: number, y: number): number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const size = png.readUInt32BE(16);
  const idatLength = png.readUInt32BE(33);
  expect(png.toString('ascii', 37, 41)).toBe('IDAT');
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  return {
    size,
    pixel: (x, y) => [...raw.subarray(y * (size * 4 + 1) + 1 + x * 4, y * (size * 4 + 1) + 5 + x * 4)],
  };
}

describe('tray icon', () => {
  it('is a dot in the state colour on a transparent background, at 1x and 2x', () => {
    for (const size of [16, 32]) {
      const image = decode(trayIconPng('down', size));
      expect(image.size).toBe(size);
      expect(image.pixel(size / 2, size / 2)).toEqual([...TRAY_COLORS.down, 255]);
      expect(image.pixel(0, 0)[3]).toBe(0);
    }
  });

  it('tells up, degraded and down apart by colour', () => {
    const centre = (state: 'up' | 'degraded' | 'down') => decode(trayIconPng(state)).pixel(8, 8);
    expect(new Set([centre('up'), centre('degraded'), centre('down')].map(String)).size).toBe(3);
  });
});
