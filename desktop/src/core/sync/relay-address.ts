/** Where a relay is reached: its WebSocket endpoint and its HTTP base (for the REST API). */
export interface RelayAddress {
  /** `ws(s)://host:port/…/ws` */
  wsUrl: string;
  /** `http(s)://host:port/…`, without a trailing slash; the REST API is under `/api/v1`. */
  httpUrl: string;
}

/**
 * Reads the relay address a user typed: an `http(s)://` base (`https://relay.example.com`) or the
 * `ws(s)://…/ws` endpoint itself. Throws naming the problem when it is neither.
 */
export function parseRelayAddress(input: string): RelayAddress {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error(`relay address ${JSON.stringify(input)} is not a URL`);
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new Error(
      `relay address ${JSON.stringify(input)} must start with ws://, wss://, http:// or https://`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error('relay address must not carry credentials; the token is set separately');
  }
  const base = url.pathname.replace(/\/+$/, '').replace(/\/ws$/, '');
  const authority = url.host;
  return {
    wsUrl: `${secure ? 'wss' : 'ws'}://${authority}${base}/ws`,
    httpUrl: `${secure ? 'https' : 'http'}://${authority}${base}`,
  };
}
