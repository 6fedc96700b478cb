import type { CheckKind } from '../check-kind.js';
import { openConnection } from '../open-connection.js';

/** TCP check: a fresh connection (and TLS handshake when asked), closed as soon as it is up. */
export const tcpCheck: CheckKind<'tcp'> = {
  kind: 'tcp',
  async run(monitor, ctx) {
    const opened = await openConnection(
      {
        host: monitor.host,
        port: monitor.port,
        ...(monitor.tls ? { tls: { servername: monitor.host, verify: monitor.verifyTls } } : {}),
      },
      ctx,
    );
    if (!opened.ok) return { ok: false, ...opened.error };
    const { socket, startedAt, readyAt, phases, certificate } = opened.value;
    socket.destroy();
    return {
      ok: true,
      observation: {
        responseTimeMs: readyAt - startedAt,
        connected: true,
        ...(certificate ? { certExpiresInMs: certificate.expiresAt - ctx.now() } : {}),
      },
      phases,
      ...(certificate ? { certExpiresAt: certificate.expiresAt, certIssuer: certificate.issuer } : {}),
    };
  },
};
