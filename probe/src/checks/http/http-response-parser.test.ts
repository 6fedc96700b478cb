import { describe, expect, it, vi } from 'vitest';
import { HttpResponseParser } from './http-response-parser.js';

describe('http response parser', () => {
  it('copies a long head line trickled one byte at a time a bounded number of times, not once per byte', () => {
    const sink = { head: vi.fn(), body: vi.fn(), end: vi.fn() };
    const parser = new HttpResponseParser(sink, false);
    const text = `HTTP/1.1 200 OK\r\nX-Long: ${'x'.repeat(30_000)}\r\nContent-Length: 0\r\n\r\n`;
    const concat = vi.spyOn(Buffer, 'concat');
    try {
      const errors = [...Buffer.from(text, 'latin1')].map((byte) => parser.push(Buffer.from([byte])));
      expect(errors.filter((error) => error !== undefined)).toEqual([]);
      const copied = concat.mock.results.reduce((sum, r) => sum + (r.value as Buffer).length, 0);
      expect(copied).toBeLessThan(4 * text.length);
    } finally {
      concat.mockRestore();
    }
    expect(parser.done).toBe(true);
    expect(sink.head.mock.calls[0]?.[0]).toMatchObject({
      status: 200,
      headers: { 'x-long': 'x'.repeat(30_000) },
    });
  });
});
