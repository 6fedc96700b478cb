/**
 * The one list of error codes that cross a process boundary (WebSocket error frames, HTTP error
 * bodies, CLI exits). Codes are stable: clients match on them, never on the message text.
 */
export const ErrorCode = {
  /** A frame or body did not match its schema; the message names the field. */
  invalidMessage: 'VANTAGE_ERR_INVALID_MESSAGE',
  /** A frame was larger than the connection's limit. */
  frameTooLarge: 'VANTAGE_ERR_FRAME_TOO_LARGE',
  /** The frame's `type` is not one this endpoint accepts. */
  unknownType: 'VANTAGE_ERR_UNKNOWN_TYPE',
  /** The peer speaks a protocol version this process does not. */
  unsupportedVersion: 'VANTAGE_ERR_UNSUPPORTED_VERSION',
  /** No token, or a token that is unknown or revoked. */
  unauthenticated: 'VANTAGE_ERR_UNAUTHENTICATED',
  /** The token's role may not do this (a probe managing monitors, a probe reading another region). */
  forbidden: 'VANTAGE_ERR_FORBIDDEN',
  /** A message arrived before the hello/auth handshake finished. */
  notReady: 'VANTAGE_ERR_NOT_READY',
  /** The named monitor, probe, incident or page does not exist. */
  notFound: 'VANTAGE_ERR_NOT_FOUND',
  /** A write was based on an older revision than the current one. */
  revisionConflict: 'VANTAGE_ERR_REVISION_CONFLICT',
  /** Too many messages or requests in the current window. */
  rateLimited: 'VANTAGE_ERR_RATE_LIMITED',
  /** A monitor configuration failed validation; details list every bad field. */
  invalidMonitor: 'VANTAGE_ERR_INVALID_MONITOR',
  /** A condition's text form failed to parse; details give the position. */
  invalidCondition: 'VANTAGE_ERR_INVALID_CONDITION',
  /** An unexpected failure inside the process; the process keeps running. */
  internal: 'VANTAGE_ERR_INTERNAL',
} as const;

/** A stable error code from {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A validation problem at one place in an input, e.g. `{ path: 'http.url', message: 'must be a URL' }`. */
export interface FieldError {
  /** Dotted path to the bad field (`regions.1`, `conditions.0`); empty for the input as a whole. */
  path: string;
  /** What is wrong, in words a user understands. */
  message: string;
}
