import type { ApiHandlers } from '../../contract/index.js';
import { alertingHandlers } from './alerting-handlers.js';
import { analyticsHandlers } from './analytics-handlers.js';
import { appHandlers } from './app-handlers.js';
import { configHandlers } from './config-handlers.js';
import type { CoreContext } from './core-context.js';
import { heartbeatHandlers } from './heartbeat-handlers.js';
import { historyHandlers } from './history-handlers.js';
import { incidentHandlers } from './incident-handlers.js';
import { monitorHandlers } from './monitor-handlers.js';
import { notificationHandlers } from './notification-handlers.js';
import { settingsHandlers } from './settings-handlers.js';
import { statusPageHandlers } from './status-page-handlers.js';

/** Every method of the API, from the handler group of its domain. */
export function createApiHandlers(ctx: CoreContext): ApiHandlers {
  return {
    ...appHandlers(ctx),
    ...monitorHandlers(ctx),
    ...historyHandlers(ctx),
    ...incidentHandlers(ctx),
    ...notificationHandlers(ctx),
    ...settingsHandlers(ctx),
    ...configHandlers(ctx),
    ...statusPageHandlers(ctx),
    ...alertingHandlers(ctx),
    ...analyticsHandlers(ctx),
    ...heartbeatHandlers(ctx),
  } satisfies ApiHandlers;
}
