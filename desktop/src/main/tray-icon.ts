import { crc32, deflateSync } from 'node:zlib';
import type { TrayState } from './monitor-tally.js';

/** The dot colour of each tray state (RGB), so the icon alone tells how things are. */
export const TRAY_COLORS: Record<TrayState, readonly [number, number, number]> = {
  up: [0x2d, 0xa4, 0x4e],
  degraded: [0xd4, 0xa7, 0x2c],
  down: [0xcf, 0x22, 0x2e],
  dependency_down: [0xbc, 0x4c, 0x00],
  unknown: [0x8c, 0x95, 0x9f],
  pending: [0x8c, 0x95, 0x9f],
  maintenance: [0x6e, 0x77, 0x81],
  paused: [0x6e, 0x77, 0x81],
  empty: [0x8c, 0x95, 0x9f],
};

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A `size`×`size` RGBA PNG of a filled, anti-aliased dot in the state's colour on a transparent
 * background. Drawn in code so the tray needs no image files that the bundler must copy.
 */
export function trayIconPng(state: TrayState, size = 16): Buffer {
  const [r, g, b] = TRAY_COLORS[state];
  const radius = size * 0.4;
  const centre = size / 2;
  // Each scanline starts with its filter type (0 = none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x + 0.5 - centre, y + 0.5 - centre);
      const coverage = Math.min(1, Math.max(0, radius - distance + 0.5));
      raw.set([r, g, b, Math.round(coverage * 255)], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter set, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
