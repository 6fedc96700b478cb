import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from './testing/temp-store.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.dispose());

describe('RelayLinkRepo', () => {
  it('remembers which relays were reconciled with, across a restart', () => {
    expect(temp.store.relayLinks.get('relay-1')).toBeNull();
    temp.store.relayLinks.save('relay-1', 3, 1000);
    temp.store.relayLinks.save('relay-1', 7, 2000);
    const reopened = temp.reopen();
    expect(reopened.relayLinks.get('relay-1')).toEqual({
      relay: 'relay-1',
      monitorsRevision: 7,
      linkedAt: 2000,
    });
    expect(reopened.relayLinks.get('relay-2')).toBeNull();
  });
});
