import {
  DesktopToRelay,
  decodeMessage,
  ErrorCode,
  FRAME_LIMITS,
  fastResultsBatch,
  messageTypesOf,
  ProbeToRelay,
  type RawFrame,
  type Result,
  type WireError,
} from '@vantage/shared';

/** Who sends a frame: the union it is decoded with is that role's. */
export type Role = 'probe' | 'desktop';

const PROBE_TYPES = new Set(messageTypesOf(ProbeToRelay));
const DESKTOP_TYPES = new Set(messageTypesOf(DesktopToRelay));
/** Requests whose bad `monitor.*` fields are a monitor validation failure, not a malformed frame. */
const MONITOR_CARRIERS = new Set(['monitor.upsert', 'check.test']);

/** The largest frame a role may send: the relay's setting, never above the protocol's limit. */
export function maxFrameBytes(role: Role, configured: number): number {
  return Math.min(configured, role === 'probe' ? FRAME_LIMITS.probeToRelay : FRAME_LIMITS.desktopToRelay);
}

/**
 * The `type` of a frame that failed to decode, read again on the error path only (so valid
 * frames are parsed once).
 */
function typeOf(raw: RawFrame): string {
  try {
    const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
    const type = (JSON.parse(text) as { type?: unknown }).type;
    return typeof type === 'string' ? type : '';
  } catch {
    return '';
  }
}

/**
 * Decodes a frame with the sender's union and limit. Two refinements on the shared decoder's
 * errors make them say what went wrong: a type of the other role's vocabulary is `forbidden`
 * (the token may not do that) rather than unknown, and a request whose only bad fields are in its
 * `monitor` is `invalidMonitor`, each field still named.
 */
export function decodeFrame(
  role: 'probe',
  raw: RawFrame,
  configuredMax: number,
): Result<ProbeToRelay, WireError>;
export function decodeFrame(
  role: 'desktop',
  raw: RawFrame,
  configuredMax: number,
): Result<DesktopToRelay, WireError>;
export function decodeFrame(
  role: Role,
  raw: RawFrame,
  configuredMax: number,
): Result<ProbeToRelay | DesktopToRelay, WireError> {
  const maxBytes = maxFrameBytes(role, configuredMax);
  const decoded =
    role === 'probe'
      ? decodeMessage(ProbeToRelay, raw, { maxBytes, fastPath: fastResultsBatch })
      : decodeMessage(DesktopToRelay, raw, { maxBytes });
  if (decoded.ok) return decoded;
  const error = decoded.error;
  if (error.code === ErrorCode.unknownType) {
    const type = typeOf(raw);
    const theirs = role === 'probe' ? DESKTOP_TYPES : PROBE_TYPES;
    if (theirs.has(type)) {
      return {
        ok: false,
        error: { ...error, code: ErrorCode.forbidden, message: `a ${role} token may not send ${type}` },
      };
    }
  }
  if (
    error.code === ErrorCode.invalidMessage &&
    error.details !== undefined &&
    error.details.length > 0 &&
    error.details.every((d) => d.path.startsWith('monitor.')) &&
    MONITOR_CARRIERS.has(typeOf(raw))
  ) {
    return { ok: false, error: { ...error, code: ErrorCode.invalidMonitor } };
  }
  return decoded;
}
