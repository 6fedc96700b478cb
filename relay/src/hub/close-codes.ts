/**
 * WebSocket close codes the hub uses. 4xxx codes are the application range (RFC 6455 §7.4.2);
 * the last three digits echo the HTTP status a REST client would get for the same reason.
 */
export const CloseCode = {
  /** The relay is shutting down; reconnect later. */
  goingAway: 1001,
  /** A bug or storage failure on the relay's side. */
  internal: 1011,
  /** The first frame was not a valid `hello`. */
  badHello: 4400,
  /** Missing, unknown or revoked token. */
  unauthenticated: 4401,
  /** The token may not act in this role or region. */
  forbidden: 4403,
  /** No `hello` arrived in time. */
  helloTimeout: 4408,
  /** A newer connection of the same probe replaced this one. */
  replaced: 4409,
  /** Too many invalid or over-rate frames in a row. */
  tooManyViolations: 4429,
  /** The peer stopped reading and its outgoing buffer overflowed. */
  tooSlow: 4503,
} as const;
