import {
  type DesktopIdentity,
  ErrorCode,
  err,
  type HelloMessage,
  ok,
  PROTOCOL_VERSION,
  type ProbeIdentity,
  type Result,
  type WireError,
} from '@vantage/shared';
import { HEARTBEAT_PROBE_ID } from '../heartbeats/heartbeat-results.js';
import type { ProbeStore, TokenRecord, TokenStore } from '../storage/relay-storage.js';
import { CloseCode } from './close-codes.js';

/** Who a connection turned out to be. */
export type Peer =
  | { role: 'probe'; token: TokenRecord; probe: ProbeIdentity }
  | { role: 'desktop'; token: TokenRecord; desktop: DesktopIdentity };

/** Why a hello was refused, and how to close the connection. */
export interface HelloRefusal {
  error: WireError;
  closeCode: number;
}

function refuse(
  closeCode: number,
  code: WireError['code'],
  message: string,
  path?: string,
): Result<Peer, HelloRefusal> {
  return err({ closeCode, error: { code, message, ...(path ? { details: [{ path, message }] } : {}) } });
}

/**
 * Checks a decoded `hello`:
 * 1. the protocol version is the one this relay speaks;
 * 2. the token verifies (unknown and revoked tokens read the same, so neither can be probed for);
 * 3. the token's role is the role the client claims;
 * 4. a probe serves only its token's region, and a probe id stays bound to the token that first
 *    used it while that token is valid, so one probe cannot write into another's result stream.
 */
export function authenticateHello(
  hello: HelloMessage,
  tokens: TokenStore,
  probes: ProbeStore,
  now: number,
): Result<Peer, HelloRefusal> {
  if (hello.protocol !== PROTOCOL_VERSION) {
    return refuse(
      CloseCode.badHello,
      ErrorCode.unsupportedVersion,
      `this relay speaks protocol ${PROTOCOL_VERSION}, not ${hello.protocol}`,
      'protocol',
    );
  }
  const token = tokens.verify(hello.token, now);
  if (token === null) {
    return refuse(CloseCode.unauthenticated, ErrorCode.unauthenticated, 'unknown or revoked token', 'token');
  }
  if (token.role !== hello.role) {
    return refuse(
      CloseCode.forbidden,
      ErrorCode.forbidden,
      `a ${token.role} token cannot connect as a ${hello.role}`,
      'role',
    );
  }
  if (hello.role === 'desktop') return ok({ role: 'desktop', token, desktop: hello.desktop! });
  const probe = hello.probe!;
  if (probe.region !== token.region) {
    return refuse(
      CloseCode.forbidden,
      ErrorCode.forbidden,
      `this token serves region ${JSON.stringify(token.region)}, not ${JSON.stringify(probe.region)}`,
      'probe.region',
    );
  }
  if (probe.id === HEARTBEAT_PROBE_ID) {
    // The relay writes heartbeat results under this id; a probe using it would collide with them.
    return refuse(
      CloseCode.forbidden,
      ErrorCode.forbidden,
      `probe id ${JSON.stringify(probe.id)} is reserved`,
      'probe.id',
    );
  }
  const known = probes.get(probe.id);
  if (known !== null && known.tokenId !== token.id) {
    const owner = tokens.list().find((t) => t.id === known.tokenId);
    if (owner !== undefined && owner.revokedAt === null) {
      return refuse(
        CloseCode.forbidden,
        ErrorCode.forbidden,
        `probe id ${JSON.stringify(probe.id)} belongs to another token`,
        'probe.id',
      );
    }
  }
  return ok({ role: 'probe', token, probe });
}
