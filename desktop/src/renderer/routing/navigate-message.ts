import { parseRoute, type Route } from './routes.js';

/**
 * Reads a `navigate` message (from Electron's main process through the preload's event stream,
 * or posted to the window): `{ type: 'navigate', path: '/monitors/api' }`, `path` may also be a
 * `#/…` hash, or `{ type: 'navigate', monitorId: 'api' }`. Anything else is not one: null.
 */
export function readNavigateMessage(message: unknown): Route | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, path, monitorId } = message as Record<string, unknown>;
  if (type !== 'navigate') return null;
  if (typeof monitorId === 'string' && monitorId !== '') return { screen: 'monitor', monitorId };
  if (typeof path === 'string') return parseRoute(path.replace(/^#/, ''));
  return null;
}
