import { z } from 'zod';
import { ProbeId, RegionName } from '../results/check-result.js';
import { DisplayName, EpochMs, SoftwareVersion } from './wire-primitives.js';

/** The protocol version this build speaks; a relay answers a different one with `unsupportedVersion`. */
export const PROTOCOL_VERSION = 1;

/**
 * Largest first frame a relay should accept before the peer has authenticated. A hello is a few
 * hundred bytes; anything bigger from an unknown peer is refused before it is parsed.
 */
export const HELLO_MAX_BYTES = 16 * 1024;

/** Who a probe is and what it can run. */
export const ProbeIdentity = z.object({
  id: ProbeId,
  name: DisplayName,
  region: RegionName,
  version: SoftwareVersion,
  /**
   * Check kinds this probe can run (`http`, `tcp`, `browser`, ...). Free text rather than the
   * monitor types this build knows, so an older relay still accepts a newer probe; the relay only
   * assigns monitors whose type is listed.
   */
  capabilities: z.array(z.string().min(1).max(50)).max(50),
});
/** Who a probe is and what it can run. */
export type ProbeIdentity = z.infer<typeof ProbeIdentity>;

/** Who a desktop is. */
export const DesktopIdentity = z.object({
  id: ProbeId,
  name: DisplayName,
  version: SoftwareVersion,
});
/** Who a desktop is. */
export type DesktopIdentity = z.infer<typeof DesktopIdentity>;

/** `hello`: every client's first frame. The relay answers `hello.ok`, or `error` and closes. */
export const HelloMessage = z
  .object({
    type: z.literal('hello'),
    // Any positive integer, so a client of another version gets `unsupportedVersion`, not a schema error.
    protocol: z.number().int().positive(),
    role: z.enum(['probe', 'desktop']),
    token: z.string().min(1).max(1024),
    probe: ProbeIdentity.optional(),
    desktop: DesktopIdentity.optional(),
  })
  .superRefine((hello, ctx) => {
    if (hello.role === 'probe' && hello.probe === undefined) {
      ctx.addIssue({ code: 'custom', path: ['probe'], message: 'is required when role is "probe"' });
    }
    if (hello.role === 'desktop' && hello.desktop === undefined) {
      ctx.addIssue({ code: 'custom', path: ['desktop'], message: 'is required when role is "desktop"' });
    }
  });
/** `hello`: every client's first frame. */
export type HelloMessage = z.infer<typeof HelloMessage>;

/** `hello.ok`: the relay accepted the client. */
export const HelloOkMessage = z.object({
  type: z.literal('hello.ok'),
  protocol: z.number().int().positive(),
  relayVersion: SoftwareVersion,
  /** Names this connection in the relay's logs; quote it when reporting a problem. */
  sessionId: z.string().min(1).max(100),
  /** The relay's clock, so a client can warn about skew that would distort timelines. */
  serverTime: EpochMs,
  /**
   * Largest frame this relay accepts from this client, in bytes (its `maxFrameBytes` setting);
   * a larger one closes the connection. Absent: the client assumes DEFAULT_CLIENT_FRAME_BYTES.
   */
  maxFrameBytes: z.number().int().min(1024).optional(),
  /**
   * The relay's identity, created once per database and kept: a desktop keys its read position
   * and monitor sync by it, so a relay that moves (the embedded one takes a new port each start)
   * is still the same relay, and a replaced database is a new one. Absent from older relays.
   */
  relayId: z.string().min(1).max(100).optional(),
});
/** `hello.ok`: the relay accepted the client. */
export type HelloOkMessage = z.infer<typeof HelloOkMessage>;
