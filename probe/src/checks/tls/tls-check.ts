import type { CheckKind } from '../check-kind.js';
import { openConnection } from '../open-connection.js';

/**
 * TLS certificate check: a handshake whose certificate is verified for chain and host name
 * (unless `verifyTls` is off) and reported with its expiry, which the certificate conditions
 * turn into "certificate expires in 3 days" or "certificate expired 2 days ago".
 */
export const tlsCheck: CheckKind<'tls'> = {
  kind: 'tls',
  async run(monitor, ctx) {
    const servername = monitor.servername ?? monitor.host;
    const opened = await openConnection(
      { host: monitor.host, port: monitor.port, tls: { servername, verify: monitor.verifyTls } },
      ctx,
    );
    if (!opened.ok) return { ok: false, ...opened.error };
    const { socket, startedAt, readyAt, phases, certificate } = opened.value;
    socket.destroy();
    if (!certificate) {
      return {
        ok: false,
        error: 'TLS: the server sent no certificate',
        phases,
        elapsedMs: readyAt - startedAt,
      };
    }
    return {
      ok: true,
      observation: {
        responseTimeMs: readyAt - startedAt,
        connected: true,
        certExpiresInMs: certificate.expiresAt - ctx.now(),
      },
      phases,
      certExpiresAt: certificate.expiresAt,
      certIssuer: certificate.issuer,
    };
  },
};
