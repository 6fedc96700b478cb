import type { MonitorOf } from '@vantage/shared';
import type { HttpRequestSpec } from './http-exchange.js';

/** Sent unless the monitor sets its own `User-Agent`, so target owners can recognise the checks. */
export const USER_AGENT = 'vantage-probe';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Whether a response asks to be followed elsewhere. */
export function isRedirect(status: number, location: string | undefined): location is string {
  return REDIRECT_STATUSES.has(status) && location !== undefined && location !== '';
}

function authorization(monitor: MonitorOf<'http'>, url: URL): string | undefined {
  if (monitor.auth?.type === 'basic') {
    return `Basic ${Buffer.from(`${monitor.auth.username}:${monitor.auth.password}`).toString('base64')}`;
  }
  if (monitor.auth?.type === 'bearer') return `Bearer ${monitor.auth.token}`;
  if (url.username) {
    const user = decodeURIComponent(url.username);
    return `Basic ${Buffer.from(`${user}:${decodeURIComponent(url.password)}`).toString('base64')}`;
  }
  return undefined;
}

/** The first request of a check: the monitor's method, headers, auth and body. */
export function initialRequest(monitor: MonitorOf<'http'>): HttpRequestSpec {
  const url = new URL(monitor.url);
  // Defaults first so the monitor's own headers (even `Host`, for virtual hosts) win.
  const headers: Record<string, string> = {
    host: url.host,
    'user-agent': USER_AGENT,
    accept: '*/*',
    connection: 'close',
  };
  for (const [name, value] of Object.entries(monitor.headers)) headers[name.toLowerCase()] = value;
  const auth = authorization(monitor, url);
  if (auth !== undefined) headers.authorization = auth;
  url.username = '';
  url.password = '';
  return {
    url,
    method: monitor.method,
    headers,
    verifyTls: monitor.verifyTls,
    ...(monitor.body !== undefined ? { body: monitor.body } : {}),
  };
}

/**
 * The request that follows a redirect, as browsers do it: 303 (and 301/302 after a POST) turn
 * into a body-less GET, and credentials never travel to another origin.
 */
export function redirectRequest(
  previous: HttpRequestSpec,
  status: number,
  location: string,
): HttpRequestSpec | string {
  let url: URL;
  try {
    url = new URL(location, previous.url);
  } catch {
    return `invalid redirect location "${location.slice(0, 200)}"`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `redirect to unsupported URL ${url.protocol}`;
  const headers: Record<string, string> = { ...previous.headers, host: url.host };
  if (url.origin !== previous.url.origin) {
    delete headers.authorization;
    delete headers.cookie;
  }
  const toGet =
    (status === 303 && previous.method !== 'HEAD') ||
    ((status === 301 || status === 302) && previous.method === 'POST');
  if (!toGet) return { ...previous, url, headers };
  delete headers['content-type'];
  delete headers['content-length'];
  return { url, method: 'GET', headers, verifyTls: previous.verifyTls };
}
