import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from './testing/temp-store.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.dispose());

describe('VerdictRepo', () => {
  it('keeps the last verdict per monitor across a restart and forgets removed ones', () => {
    const verdict = {
      status: 'down' as const,
      message: 'eu-west: status was 503',
      since: 1000,
      regions: [{ region: 'eu-west', status: 'down' as const, lastResultAt: 990 }],
    };
    temp.store.verdicts.save('api', { ...verdict, status: 'up' });
    temp.store.verdicts.save('api', verdict);
    temp.store.verdicts.save('gone', verdict);
    temp.store.verdicts.remove('gone');
    expect(temp.reopen().verdicts.all()).toEqual(new Map([['api', verdict]]));
  });
});
