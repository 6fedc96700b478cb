import net from 'node:net';
import tls from 'node:tls';
import type { PhaseTimings, Result } from '@vantage/shared';
import type { CheckContext } from './check-kind.js';
import { describeNetworkError } from './network-error.js';
import { type CertificateFacts, certificateFacts, describeVerifyFailure } from './peer-certificate.js';

/** Where to connect and whether to speak TLS. */
export interface ConnectionTarget {
  /** Host name or IP literal (without IPv6 brackets). */
  host: string;
  port: number;
  /** Present for TLS: the SNI name (IP literals send none) and whether to verify the certificate. */
  tls?: { servername?: string; verify: boolean };
}

/** A connected (and, for TLS, verified) socket with the timings of how it got there. */
export interface OpenedConnection {
  socket: net.Socket;
  /** `performance.now()` when the connection attempt started. */
  startedAt: number;
  /** `performance.now()` when the socket became usable (connected, or TLS established). */
  readyAt: number;
  /** DNS, connect and TLS phases. */
  phases: PhaseTimings;
  certificate?: CertificateFacts;
}

/** Why a connection could not be opened, with the phases completed before it. */
export interface ConnectionFailure {
  error: string;
  phases: PhaseTimings;
  elapsedMs: number;
}

function noop(): void {}

/** Creates the socket: plain TCP, or TLS with the shared context and verification left to us. */
function dial(target: ConnectionTarget, ctx: CheckContext): net.Socket {
  const family = ctx.sourceAddress ? net.isIP(ctx.sourceAddress) : 0;
  const base = {
    host: target.host,
    port: target.port,
    ...(ctx.sourceAddress ? { localAddress: ctx.sourceAddress } : {}),
    // A bound IPv4 source cannot reach an IPv6 peer; resolve in the source's family.
    ...(family ? { family, autoSelectFamily: false } : {}),
  };
  if (!target.tls) return net.connect(base);
  const { servername } = target.tls;
  return tls.connect({
    ...base,
    ...(servername && !net.isIP(servername) ? { servername } : {}),
    secureContext: ctx.tls.context(),
    rejectUnauthorized: false,
  });
}

/**
 * One connection attempt. Its handlers are methods rather than per-call closures: checks run by
 * the thousand, and named closures cost ~1 µs each under tsx (bench, tests).
 */
class ConnectionAttempt {
  readonly startedAt = performance.now();
  readonly phases: PhaseTimings = {};
  readonly socket: net.Socket;
  private mark = this.startedAt;
  private settled = false;
  private unsubscribe: () => void = noop;

  constructor(
    private readonly target: ConnectionTarget,
    private readonly ctx: CheckContext,
    private readonly resolve: (result: Result<OpenedConnection, ConnectionFailure>) => void,
  ) {
    this.socket = dial(target, ctx);
    this.socket.once('lookup', (error) => {
      if (!error) this.phases.dnsMs = this.lap();
    });
    this.socket.once('connect', () => this.connected());
    if (target.tls) this.socket.once('secureConnect', () => this.secured());
    // Stays on after the hand-over: errors then reach the caller's own listeners too, and this
    // one (a no-op once settled) keeps an unlistened error from crashing the probe meanwhile.
    this.socket.on('error', (error) => this.fail(describeNetworkError(error, target.host)));
    this.unsubscribe = ctx.stop.onStop((reason) => this.fail(reason));
  }

  private lap(): number {
    const at = performance.now();
    const ms = at - this.mark;
    this.mark = at;
    return ms;
  }

  private connected(): void {
    this.phases.connectMs = this.lap();
    if (!this.target.tls) this.ready(undefined);
  }

  private secured(): void {
    this.phases.tlsMs = this.lap();
    const socket = this.socket as tls.TLSSocket;
    const certificate = certificateFacts(socket.getPeerCertificate());
    const verify = this.target.tls;
    if (verify?.verify && !socket.authorized) {
      const code = String(socket.authorizationError ?? 'UNKNOWN');
      const host = verify.servername ?? this.target.host;
      this.fail(describeVerifyFailure(code, certificate, host, this.ctx.now()));
      return;
    }
    this.ready(certificate);
  }

  private ready(certificate: CertificateFacts | undefined): void {
    const { socket, startedAt, phases } = this;
    this.finish({
      ok: true,
      value: { socket, startedAt, readyAt: this.mark, phases, ...(certificate ? { certificate } : {}) },
    });
  }

  private fail(error: string): void {
    this.finish({
      ok: false,
      error: { error, phases: this.phases, elapsedMs: performance.now() - this.startedAt },
    });
  }

  private finish(result: Result<OpenedConnection, ConnectionFailure>): void {
    if (this.settled) return;
    this.settled = true;
    this.unsubscribe();
    if (!result.ok) this.socket.destroy();
    this.resolve(result);
  }
}

/**
 * Opens a fresh connection and times it from the socket's own events: `lookup` ends DNS,
 * `connect` ends connect, `secureConnect` ends TLS. TLS runs with `rejectUnauthorized: false`
 * so the certificate can be read even when it is bad; verification is then applied here, before
 * the caller writes a single byte.
 */
export function openConnection(
  target: ConnectionTarget,
  ctx: CheckContext,
): Promise<Result<OpenedConnection, ConnectionFailure>> {
  return new Promise((resolve) => new ConnectionAttempt(target, ctx, resolve));
}
