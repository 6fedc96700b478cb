/** A growable byte buffer written front to back; {@link ByteWriter.bytes} copies out what was written. */
export class ByteWriter {
  #buffer: Uint8Array;
  /** Bytes written so far. */
  pos = 0;

  constructor(capacity = 256) {
    this.#buffer = new Uint8Array(capacity);
  }

  /** Starts over, keeping the buffer for reuse. */
  reset(): void {
    this.pos = 0;
  }

  /** Appends one byte (0 … 255). */
  byte(value: number): void {
    this.#room(1);
    this.#buffer[this.pos++] = value;
  }

  /** Appends raw bytes. */
  append(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#buffer.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Appends what another writer holds, without copying it out first. */
  appendWriter(other: ByteWriter): void {
    this.append(other.#buffer.subarray(0, other.pos));
  }

  /**
   * Appends a non-negative safe integer as an unsigned LEB128 varint. Arithmetic rather than bit
   * operators: counts and sums may exceed 2³¹, where JavaScript's bit operators wrap.
   */
  varint(value: number): void {
    this.#room(8);
    let rest = value;
    while (rest >= 0x80) {
      this.#buffer[this.pos++] = (rest % 0x80) + 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.#buffer[this.pos++] = rest;
  }

  /** A copy of the bytes written since the last reset. */
  bytes(): Uint8Array {
    return this.#buffer.slice(0, this.pos);
  }

  #room(n: number): void {
    if (this.pos + n <= this.#buffer.length) return;
    const grown = new Uint8Array(Math.max(this.pos + n, 2 * this.#buffer.length));
    grown.set(this.#buffer.subarray(0, this.pos));
    this.#buffer = grown;
  }
}

/** A cursor over bytes, read front to back. */
export interface ByteReader {
  readonly bytes: Uint8Array;
  pos: number;
}

/** The next varint, or null when the bytes end first or it does not fit a safe integer. */
export function readVarint(reader: ByteReader): number | null {
  let value = 0;
  let scale = 1;
  const { bytes } = reader;
  while (reader.pos < bytes.length) {
    const byte = bytes[reader.pos++]!;
    value += (byte % 0x80) * scale;
    if (byte < 0x80) return Number.isSafeInteger(value) ? value : null;
    scale *= 0x80;
    if (scale > Number.MAX_SAFE_INTEGER) return null;
  }
  return null;
}
