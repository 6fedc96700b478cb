import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FieldError } from '../errors.js';
import { formatFieldErrors, zodIssuesToFieldErrors } from './field-errors.js';

const Shape = z.object({
  seq: z.number().int().positive(),
  count: z.number().int().min(0).max(10),
  ratio: z.number().lt(1),
  name: z.string().min(1).max(5),
  code: z.string().length(3),
  tags: z.array(z.string()).min(1).max(2),
  state: z.enum(['up', 'down']),
  kind: z.literal('http'),
  id: z.string().regex(/^[a-z]+$/, 'must be lowercase letters'),
  url: z.url(),
  flag: z.boolean(),
  span: z.union([z.number(), z.string()]),
  regions: z.union([z.literal('all'), z.array(z.string())]),
  auth: z.discriminatedUnion('type', [
    z.object({ type: z.literal('basic'), user: z.string() }),
    z.object({ type: z.literal('bearer'), token: z.string() }),
  ]),
  checked: z.string().refine((s) => s !== 'bad'),
  headers: z.record(z.string().regex(/^[a-z-]+$/, 'is not a valid header name'), z.string()),
  nested: z.object({ items: z.array(z.object({ port: z.number().max(65535) })) }),
});

const valid = {
  seq: 1,
  count: 3,
  ratio: 0.5,
  name: 'abc',
  code: 'abc',
  tags: ['a'],
  state: 'up',
  kind: 'http',
  id: 'abc',
  url: 'https://example.com',
  flag: true,
  span: 5,
  regions: 'all',
  auth: { type: 'basic', user: 'u' },
  checked: 'ok',
  headers: {},
  nested: { items: [{ port: 80 }] },
};

function errorsFor(patch: Record<string, unknown>): FieldError[] {
  const parsed = Shape.safeParse({ ...valid, ...patch });
  if (parsed.success) throw new Error('expected the input to be rejected');
  return zodIssuesToFieldErrors(parsed.error.issues);
}

describe('zodIssuesToFieldErrors', () => {
  it.each<[string, Record<string, unknown>, FieldError]>([
    ['a missing field is required', { seq: undefined }, { path: 'seq', message: 'is required' }],
    [
      'a wrong type names both types',
      { seq: '3' },
      { path: 'seq', message: 'must be a number, not a string' },
    ],
    ['a fraction where an integer belongs', { seq: 1.5 }, { path: 'seq', message: 'must be an integer' }],
    ['an exclusive lower bound', { seq: 0 }, { path: 'seq', message: 'must be greater than 0' }],
    ['an inclusive lower bound', { count: -1 }, { path: 'count', message: 'must be at least 0' }],
    ['an inclusive upper bound', { count: 11 }, { path: 'count', message: 'must be at most 10' }],
    ['an exclusive upper bound', { ratio: 1 }, { path: 'ratio', message: 'must be less than 1' }],
    ['an empty string', { name: '' }, { path: 'name', message: 'must not be empty' }],
    ['a long string', { name: 'abcdef' }, { path: 'name', message: 'must have at most 5 characters' }],
    ['an exact length', { code: 'ab' }, { path: 'code', message: 'must have exactly 3 characters' }],
    ['an empty list', { tags: [] }, { path: 'tags', message: 'must not be empty' }],
    ['a long list', { tags: ['a', 'b', 'c'] }, { path: 'tags', message: 'must have at most 2 items' }],
    [
      'an enum lists its values',
      { state: 'sideways' },
      { path: 'state', message: 'must be one of "up", "down"' },
    ],
    ['a literal names its value', { kind: 'tcp' }, { path: 'kind', message: 'must be "http"' }],
    [
      'a schema message is kept as written',
      { id: 'ABC' },
      { path: 'id', message: 'must be lowercase letters' },
    ],
    ['a format is named', { url: 'not a url' }, { path: 'url', message: 'must be a valid URL' }],
    ['a boolean', { flag: 'yes' }, { path: 'flag', message: 'must be true or false, not a string' }],
    ['a union of types', { span: true }, { path: 'span', message: 'must be a number or a string' }],
    [
      'a union of a value and a type',
      { regions: 'some' },
      { path: 'regions', message: 'must be "all" or an array' },
    ],
    [
      'an unknown discriminator lists the allowed values',
      { auth: { type: 'digest' } },
      { path: 'auth.type', message: 'must be one of "basic", "bearer"' },
    ],
    [
      'a bad record key by its own message',
      { headers: { 'Bad Name': 'x' } },
      { path: 'headers.Bad Name', message: 'is not a valid header name' },
    ],
    ['a refinement without a message', { checked: 'bad' }, { path: 'checked', message: 'is invalid' }],
    [
      'a deep field by dotted path',
      { nested: { items: [{ port: 80 }, { port: 70000 }] } },
      { path: 'nested.items.1.port', message: 'must be at most 65535' },
    ],
  ])('%s', (_, patch, expected) => {
    expect(errorsFor(patch)).toEqual([expected]);
  });

  it('reports every bad field, not just the first', () => {
    const errors = errorsFor({ seq: 0, name: '', state: 'x' });
    expect(errors.map((e) => e.path)).toEqual(['seq', 'name', 'state']);
  });

  it('reports the deeper error of the union branch that nearly matched', () => {
    expect(errorsFor({ regions: ['eu', 5] })).toEqual([
      { path: 'regions.1', message: 'must be a string, not a number' },
    ]);
  });

  it('uses an empty path for a problem with the input as a whole', () => {
    const parsed = z.object({ a: z.string() }).safeParse(42);
    expect(zodIssuesToFieldErrors(parsed.error?.issues ?? [])).toEqual([
      { path: '', message: 'must be an object, not a number' },
    ]);
  });
});

describe('formatFieldErrors', () => {
  it('joins errors as "path: message"', () => {
    expect(
      formatFieldErrors([
        { path: 'results.3.seq', message: 'must be greater than 0' },
        { path: '', message: 'must be a JSON object' },
      ]),
    ).toBe('results.3.seq: must be greater than 0; must be a JSON object');
  });

  it('says how many errors it left out', () => {
    const errors = Array.from({ length: 7 }, (_, i) => ({ path: `f${i}`, message: 'is required' }));
    expect(formatFieldErrors(errors, 2)).toBe('f0: is required; f1: is required (and 5 more)');
  });
});
