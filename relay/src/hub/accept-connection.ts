import { randomBytes } from 'node:crypto';
import {
  ClientHello,
  decodeMessage,
  ErrorCode,
  HELLO_MAX_BYTES,
  PROTOCOL_VERSION,
  type RawFrame,
} from '@vantage/shared';
import type { Logger } from 'pino';
import type WebSocket from 'ws';
import type { RelayContext } from '../relay-context.js';
import { authenticateHello } from './authenticate-hello.js';
import { CloseCode } from './close-codes.js';
import type { DesktopDirectory } from './desktop-directory.js';
import { DesktopSession, type DesktopSessionDeps } from './desktop-session.js';
import { PeerSocket } from './peer-socket.js';
import { ProbeSession, type ProbeSessionDeps } from './probe-session.js';
import { TokenBucket } from './token-bucket.js';

/** A token's shared rate is this many times one connection's: a few desktops or probes may share a token. */
export const TOKEN_RATE_SHARE = 4;

/** What accepting a connection needs from the hub. */
export interface ConnectionDeps {
  ctx: RelayContext;
  log: Logger;
  helloTimeoutMs: number;
  probe: ProbeSessionDeps;
  desktop: DesktopSessionDeps;
  desktops: DesktopDirectory;
  /** One bucket per token id, shared by all its connections. */
  tokenBucket(tokenId: string): TokenBucket;
  /** Live peers, so the hub can close them on shutdown. */
  peers: Set<PeerSocket>;
}

/**
 * Runs one WebSocket from its first frame to its close:
 * 1. the first frame must be a `hello` of at most HELLO_MAX_BYTES, within `helloTimeoutMs`;
 *    anything else gets an error frame and the socket is closed;
 * 2. the hello is authenticated (token, role, region) and answered with `hello.ok`;
 * 3. later frames go to the probe or desktop session, after the per-connection and per-token
 *    rate limits; a listener never throws: a failure is logged and answered as `internal`.
 */
export function acceptConnection(socket: WebSocket, remoteAddress: string, deps: ConnectionDeps): void {
  const { ctx, limits } = { ctx: deps.ctx, limits: deps.ctx.limits };
  const connId = randomBytes(6).toString('hex');
  const log = deps.log.child({ connId, remoteAddress });
  const bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, () => ctx.now());
  const peer = new PeerSocket(socket, connId, log, limits.maxViolations, bucket);
  deps.peers.add(peer);
  let session: ProbeSession | DesktopSession | undefined;

  const helloTimer = setTimeout(() => {
    peer.sendError({ code: ErrorCode.notReady, message: `no hello within ${deps.helloTimeoutMs / 1000} s` });
    peer.close(CloseCode.helloTimeout, 'no hello');
  }, deps.helloTimeoutMs);
  helloTimer.unref();

  function hello(raw: RawFrame): void {
    clearTimeout(helloTimer);
    const decoded = decodeMessage(ClientHello, raw, { maxBytes: HELLO_MAX_BYTES });
    if (!decoded.ok) {
      // A hello whose only fault is a missing or empty token is an authentication failure.
      const details = decoded.error.details ?? [];
      if (details.length > 0 && details.every((d) => d.path === 'token')) {
        peer.sendError({ code: ErrorCode.unauthenticated, message: 'a token is required', details });
        peer.close(CloseCode.unauthenticated, 'a token is required');
        return;
      }
      peer.sendError(decoded.error);
      peer.close(CloseCode.badHello, 'the first frame must be a valid hello');
      return;
    }
    const peerOf = authenticateHello(decoded.value, ctx.storage.tokens, ctx.storage.probes, ctx.now());
    if (!peerOf.ok) {
      log.info({ code: peerOf.error.error.code, reason: peerOf.error.error.message }, 'refused a hello');
      peer.sendError(peerOf.error.error);
      peer.close(peerOf.error.closeCode, peerOf.error.error.message);
      return;
    }
    const who = peerOf.value;
    const sessionId = `${who.role}-${connId}`;
    peer.addBucket(deps.tokenBucket(who.token.id));
    peer.send({
      type: 'hello.ok',
      protocol: PROTOCOL_VERSION,
      relayVersion: ctx.version,
      sessionId,
      serverTime: ctx.now(),
      maxFrameBytes: limits.maxFrameBytes,
      relayId: ctx.storage.relayId,
    });
    if (who.role === 'probe') {
      peer.log = log.child({ sessionId, probeId: who.probe.id, region: who.probe.region });
      session = new ProbeSession(sessionId, who.probe, peer, who.token.id, deps.probe);
    } else {
      peer.log = log.child({ sessionId, desktopId: who.desktop.id });
      const desktop = new DesktopSession(sessionId, who.desktop, peer, deps.desktop);
      deps.desktops.add(desktop);
      session = desktop;
    }
    peer.log.info(
      { name: who.role === 'probe' ? who.probe.name : who.desktop.name },
      `${who.role} connected`,
    );
  }

  socket.on('message', (message: Buffer, isBinary: boolean) => {
    // ws has already checked that a text frame is valid UTF-8, so it can be read as a string;
    // binary frames keep their bytes for the decoder's own check.
    const data: RawFrame = isBinary ? message : message.toString();
    try {
      if (!peer.open) return;
      if (session === undefined) return hello(data);
      if (!peer.admit(data)) return;
      session.receive(data);
    } catch (error) {
      peer.log.error({ err: error }, 'failed to handle a frame');
      peer.sendError({ code: ErrorCode.internal, message: 'the relay failed to handle this frame' });
    }
  });
  socket.on('error', (error) => peer.log.debug({ err: error }, 'socket error'));
  socket.on('close', (code) => {
    clearTimeout(helloTimer);
    deps.peers.delete(peer);
    try {
      if (session instanceof DesktopSession) deps.desktops.remove(session);
      session?.closed();
    } catch (error) {
      peer.log.error({ err: error }, 'failed to clean up a closed connection');
    }
    if (session !== undefined) peer.log.info({ code }, 'disconnected');
  });
}
