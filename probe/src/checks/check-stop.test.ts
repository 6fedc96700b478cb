import { describe, expect, it } from 'vitest';
import { CheckStop, formatSeconds } from './check-stop.js';

describe('CheckStop', () => {
  it('tells each listener the reason once, and only the first reason counts', () => {
    const stop = new CheckStop();
    const heard: string[] = [];
    stop.onStop((reason) => heard.push(`a:${reason}`));
    const remove = stop.onStop((reason) => heard.push(`b:${reason}`));
    remove();
    stop.stop('timeout after 5 s');
    stop.stop('check cancelled');
    expect(heard).toEqual(['a:timeout after 5 s']);
    expect(stop.reason).toBe('timeout after 5 s');
  });

  it('calls a listener added after the stop at once', () => {
    const stop = new CheckStop();
    stop.stop('check cancelled');
    const heard: string[] = [];
    stop.onStop((reason) => heard.push(reason));
    expect(heard).toEqual(['check cancelled']);
  });

  it('formats timeouts in seconds the way messages print them', () => {
    expect(formatSeconds(5)).toBe('5 s');
    expect(formatSeconds(0.25)).toBe('0.25 s');
    expect(formatSeconds(1 / 3)).toBe('0.333 s');
  });
});
