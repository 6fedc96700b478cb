import { describe, expect, it } from 'vitest';
import { parseRelayAddress } from './relay-address.js';

describe('parseRelayAddress', () => {
  it.each([
    ['http://127.0.0.1:7400', 'ws://127.0.0.1:7400/ws', 'http://127.0.0.1:7400'],
    ['http://127.0.0.1:7400/', 'ws://127.0.0.1:7400/ws', 'http://127.0.0.1:7400'],
    ['https://relay.example.com', 'wss://relay.example.com/ws', 'https://relay.example.com'],
    ['ws://127.0.0.1:51234/ws', 'ws://127.0.0.1:51234/ws', 'http://127.0.0.1:51234'],
    [
      'wss://relay.example.com/vantage/ws',
      'wss://relay.example.com/vantage/ws',
      'https://relay.example.com/vantage',
    ],
    ['https://example.com/vantage/', 'wss://example.com/vantage/ws', 'https://example.com/vantage'],
    ['http://[::1]:7400', 'ws://[::1]:7400/ws', 'http://[::1]:7400'],
  ])('reads %s as %s', (input, wsUrl, httpUrl) => {
    expect(parseRelayAddress(input)).toEqual({ wsUrl, httpUrl });
  });

  it.each([
    ['relay.example.com', 'is not a URL'],
    ['ftp://relay.example.com', 'must start with ws://'],
    ['https://user:secret@relay.example.com', 'must not carry credentials'],
  ])('refuses %s', (input, message) => {
    expect(() => parseRelayAddress(input)).toThrow(message);
  });
});
