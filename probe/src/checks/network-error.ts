/** Error codes of sockets and lookups, in the words a result message uses. */
const SENTENCES: Record<string, (host: string) => string> = {
  ECONNREFUSED: () => 'connection refused',
  ECONNRESET: () => 'connection reset by peer',
  EPIPE: () => 'connection closed by peer while sending',
  ETIMEDOUT: () => 'connection timed out',
  EHOSTUNREACH: () => 'host unreachable',
  ENETUNREACH: () => 'network unreachable',
  EADDRNOTAVAIL: () => 'source address is not available on this machine',
  ENOTFOUND: (host) => `DNS NXDOMAIN for ${host}`,
  EAI_AGAIN: (host) => `DNS lookup of ${host} failed temporarily`,
  ENODATA: (host) => `DNS has no address for ${host}`,
  ERR_SOCKET_CONNECTION_TIMEOUT: () => 'connection timed out',
  ERR_TLS_CERT_ALTNAME_INVALID: (host) => `TLS: certificate does not match ${host}`,
  EPROTO: () => 'TLS handshake failed',
  HPE_INVALID_CONSTANT: () => 'invalid HTTP response',
  HPE_INVALID_STATUS: () => 'invalid HTTP status line',
  HPE_HEADER_OVERFLOW: () => 'HTTP response headers too large',
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Happy-eyeballs connects fail with an AggregateError of one error per address tried.
  const inner = (error as { errors?: unknown }).errors;
  return Array.isArray(inner) ? errorCode(inner[0]) : undefined;
}

/** Turns a socket, lookup, TLS or HTTP parser error into plain words naming the problem. */
export function describeNetworkError(error: unknown, host: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'socket hang up') return 'connection closed before a response';
  const code = errorCode(error);
  const sentence = code === undefined ? undefined : SENTENCES[code];
  if (sentence) return sentence(host);
  if (code?.startsWith('HPE_')) return 'invalid HTTP response';
  if (code?.startsWith('ERR_SSL_'))
    return `TLS handshake failed (${code.slice(8).toLowerCase().replaceAll('_', ' ')})`;
  return code ? `${message} (${code})` : message;
}
