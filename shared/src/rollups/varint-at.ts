/** Where the last {@link varintAt} ended: the position after the varint it read. */
export const varintEnd = { pos: 0 };

/**
 * The varint at `bytes[pos]` (ending before `end`), leaving {@link varintEnd} after it; -1 when the
 * bytes end first or it does not fit a safe integer (as varint.ts's readVarint, without a reader
 * object per call: run-entry-scan and sketch-tally read every bucket of every monitor of the SLA
 * overview). The end is an object's field, not a module variable, so that it stays a plain
 * property read wherever the package is bundled.
 */
export function varintAt(bytes: Uint8Array, pos: number, end: number): number {
  let value = 0;
  let scale = 1;
  let at = pos;
  while (at < end) {
    const byte = bytes[at++]!;
    value += (byte % 0x80) * scale;
    if (byte < 0x80) {
      varintEnd.pos = at;
      return Number.isSafeInteger(value) ? value : -1;
    }
    scale *= 0x80;
    if (scale > Number.MAX_SAFE_INTEGER) return -1;
  }
  return -1;
}
