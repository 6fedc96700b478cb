import type { CheckResult, ProbeToRelayInput } from '@vantage/shared';

/** A scheduled result, or a one-off one (no `seq`). */
type AnyResult = Omit<CheckResult, 'seq'> & { seq?: number };

/** Length a message and an issuer are cut to when even a result without verdicts is too big. */
const SHORT_TEXT = 200;

function cut(text: string): string {
  return text.length > SHORT_TEXT ? `${text.slice(0, SHORT_TEXT - 1)}…` : text;
}

function* smallerForms(result: AnyResult): Generator<AnyResult> {
  yield result;
  const { verdicts, ...bare } = result;
  if (verdicts !== undefined) {
    yield { ...result, verdicts: verdicts.filter((verdict) => !verdict.pass) };
    yield bare;
  }
  const short: AnyResult = { ...bare, message: cut(bare.message) };
  if (bare.certIssuer !== undefined) short.certIssuer = cut(bare.certIssuer);
  yield short;
}

/**
 * The JSON of the fullest form of a result that fits in `maxBytes`. A relay closes the connection
 * on a frame over its limit, so a result too big for it would be resent and refused forever,
 * wedging every later result behind it in the spool. Tried in order:
 * 1. the result as is; 2. without the verdicts that passed; 3. without verdicts;
 * 4. also with message and certificate issuer cut to 200 characters.
 * The last form is returned even if it does not fit: only a relay limit under ~2 KB gets there.
 */
export function fitResult(result: AnyResult, maxBytes: number): string {
  let json = '';
  for (const form of smallerForms(result)) {
    json = JSON.stringify(form);
    if (Buffer.byteLength(json) <= maxBytes) return json;
  }
  return json;
}

/**
 * Encodes a reply frame within `maxBytes`: a `check.result` too big for it has its result shrunk
 * as {@link fitResult} does; everything else is encoded as it is.
 */
export function encodeReply(reply: ProbeToRelayInput, maxBytes: number): string {
  const frame = JSON.stringify(reply);
  if (reply.type !== 'check.result' || Buffer.byteLength(frame) <= maxBytes) return frame;
  const envelope = Buffer.byteLength(JSON.stringify({ ...reply, result: {} })) - 2;
  const result = JSON.parse(fitResult(reply.result as AnyResult, maxBytes - envelope)) as unknown;
  return JSON.stringify({ ...reply, result });
}
