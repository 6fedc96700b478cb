import { describe, expect, it } from 'vitest';
import { checkJsonPath, NOT_FOUND, queryJsonPath } from './json-path.js';

function plan(path: string) {
  const result = checkJsonPath(path, 0, path.length);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const doc = {
  data: { ok: true, 'a.b': 1, list: [10, 20, 30] },
  items: [
    { id: 1, price: 5 },
    { id: 2, price: 50 },
  ],
  zero: 0,
};

describe('checkJsonPath', () => {
  it.each([
    ['$', []],
    ['$.data.ok', ['data', 'ok']],
    ["$['data']['a.b']", ['data', 'a.b']],
    ['$.data.list[2]', ['data', 'list', 2]],
    ['$.data.list[-1]', ['data', 'list', -1]],
  ])('walks the singular path %s directly', (path, steps) => {
    expect(plan(path).steps).toEqual(steps);
  });

  it.each([
    '$.*',
    '$..id',
    '$.items[*].id',
    '$.data.list[0:2]',
    '$.data.list[0,2]',
    '$.items[?(@.price > 10)].id',
    '$.items[(@.length-1)]',
  ])('hands the non-singular path %s to jsonpath-plus', (path) => {
    expect(plan(path).steps).toBeNull();
  });

  it.each([
    ['$.', 2],
    ['$x', 1],
    ['$.a[]', 4],
    ['$.a[1', 5],
    ['$.a[?(@.x ==)]', 4],
    ['$.a[?(@.x)', 10],
  ])('rejects %s at %i', (path, position) => {
    const result = checkJsonPath(path, 0, path.length);
    expect(!result.ok && result.error.position).toBe(position);
  });
});

describe('queryJsonPath', () => {
  it.each([
    ['$.data.ok', true],
    ["$['data']['a.b']", 1],
    ['$.data.list[1]', 20],
    ['$.data.list[-1]', 30],
    ['$.zero', 0],
    ['$.items[*].id', [1, 2]],
    ['$..price', [5, 50]],
    ['$.items[?(@.price > 10)].id', [2]],
    ['$.data.list[0:2]', [10, 20]],
  ])('finds %s', (path, value) => {
    expect(queryJsonPath(plan(path), doc)).toEqual(value);
  });

  it.each([
    '$.nope',
    '$.data.list[3]',
    '$.data.list[-4]',
    '$.data.ok.deeper',
    '$.toString',
    '$.items[?(@.price > 100)]',
  ])('finds nothing at %s', (path) => {
    expect(queryJsonPath(plan(path), doc)).toBe(NOT_FOUND);
  });

  it('returns the root for $ even when the document is a falsy scalar', () => {
    expect(queryJsonPath(plan('$'), 0)).toBe(0);
    expect(queryJsonPath(plan('$.*'), 0)).toBe(NOT_FOUND);
  });
});
