import { decodeMessage, FRAME_LIMITS, type OneOffResult, ProbeToRelay } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { encodeReply, fitResult } from './fit-result.js';

const verdicts = Array.from({ length: 40 }, (_, i) => ({
  condition: `body contains "${'x'.repeat(1500)}"`,
  pass: i >= 2,
  severity: 'down' as const,
  message: 'body did not contain it',
}));

const big: OneOffResult = {
  probeId: 'p',
  monitorId: 'm',
  region: 'r',
  ts: 1,
  state: 'down',
  latencyMs: 1,
  message: 'y'.repeat(2000),
  attempts: 1,
  probeHealthy: true,
  certIssuer: 'z'.repeat(500),
  verdicts,
};

const bytes = (text: string) => Buffer.byteLength(text);

describe('fitResult', () => {
  it('keeps a result that fits as it is', () => {
    expect(fitResult(big, 1_000_000)).toBe(JSON.stringify(big));
  });

  it('drops passing verdicts first, then all verdicts, then cuts the texts, stopping at the first that fits', () => {
    const failedOnly = JSON.parse(fitResult(big, 8000)) as OneOffResult;
    expect(failedOnly.verdicts).toEqual(verdicts.slice(0, 2));
    const bare = JSON.parse(fitResult(big, 3000)) as OneOffResult;
    expect(bare.verdicts).toBeUndefined();
    expect(bare.message).toBe(big.message);
    const short = fitResult(big, 1024);
    expect(bytes(short)).toBeLessThanOrEqual(1024);
    expect(JSON.parse(short)).toMatchObject({
      monitorId: 'm',
      state: 'down',
      message: `${'y'.repeat(199)}…`,
    });
  });
});

describe('encodeReply', () => {
  it('shrinks a check.result to the frame limit and leaves it a valid frame', () => {
    const frame = encodeReply({ type: 'check.result', requestId: 'run-1', result: big }, 2048);
    expect(bytes(frame)).toBeLessThanOrEqual(2048);
    const decoded = decodeMessage(ProbeToRelay, frame, { maxBytes: FRAME_LIMITS.probeToRelay });
    expect(decoded.ok && decoded.value.type === 'check.result' && decoded.value.requestId).toBe('run-1');
  });
});
