import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { decodeMessage, type MessageUnion } from './decode-message.js';

/** One hand-written fast check of a frame, with the schemas it must agree with. */
export interface FastCheckUnderTest<T> {
  /** What the frame is, for the test names. */
  frame: string;
  /** Frame texts: valid ones with bends at their edges. */
  texts: fc.Arbitrary<string>;
  /** The frame's own schema. */
  schema: z.ZodType<T>;
  fast: (frame: Record<string, unknown>) => T | undefined;
  /** The sender's union, as the receiver decodes with it (the frame is one of its members). */
  union: MessageUnion;
  maxBytes: number;
}

/**
 * The two properties every fast check of a frame keeps (tests only): it accepts only what the
 * schema accepts and returns what the schema returns, and decodeMessage answers the same with or
 * without it, errors included. Also checks that the generator makes it accept often enough for
 * the first property to say something.
 */
export function itKeepsTheSchemaContract<T>(check: FastCheckUnderTest<T>): void {
  it(`accepts only what the ${check.frame} schema accepts, returning what the schema returns`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(check.texts, (text) => {
        const expected = check.schema.safeParse(JSON.parse(text));
        const fast = check.fast(JSON.parse(text) as Record<string, unknown>);
        if (fast === undefined) return;
        accepted++;
        expect(expected.success).toBe(true);
        expect(fast).toStrictEqual(expected.data);
      }),
      { numRuns: 2500 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('gives decodeMessage the same answer with or without it, errors included', () => {
    const options = { maxBytes: check.maxBytes };
    fc.assert(
      fc.property(check.texts, (text) => {
        const fastPath = check.fast as (frame: Record<string, unknown>) => z.output<MessageUnion> | undefined;
        const withFastPath = decodeMessage(check.union, text, { ...options, fastPath });
        expect(withFastPath).toStrictEqual(decodeMessage(check.union, text, options));
      }),
      { numRuns: 1000 },
    );
  });
}
