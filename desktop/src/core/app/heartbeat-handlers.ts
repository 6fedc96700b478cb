import { HeartbeatDetail, HeartbeatSummary } from '@vantage/shared';
import type { ApiHandlers } from '../../contract/index.js';
import { type CoreContext, relayCall } from './core-context.js';

type HeartbeatMethod = 'heartbeats.get' | 'heartbeats.rotateToken';

const heartbeatPath = (monitorId: string) => `/heartbeats/${encodeURIComponent(monitorId)}`;

/**
 * The `heartbeats.*` methods. Ping URLs, pings and runs live only on the relay (jobs ping it while
 * the desktop sleeps); each method is one call to its REST API, whose errors reach the caller.
 */
export function heartbeatHandlers(ctx: CoreContext): Pick<ApiHandlers, HeartbeatMethod> {
  return {
    'heartbeats.get': ({ monitorId }) => relayCall(ctx, 'GET', heartbeatPath(monitorId), HeartbeatDetail),
    'heartbeats.rotateToken': ({ monitorId }) =>
      relayCall(ctx, 'POST', `${heartbeatPath(monitorId)}/rotate-token`, HeartbeatSummary),
  };
}
