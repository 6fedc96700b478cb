import { ErrorCode, err, ok, type Result } from '@vantage/shared';
import type { Logger } from 'pino';
import { type ApiError, type ApiResult, apiError, DesktopErrorCode } from '../../contract/index.js';
import type { DesktopStore } from '../store/index.js';
import type { RelaySync } from '../sync/relay-sync.js';
import type { CoreConfig } from './core-options.js';
import type { CoreEvents } from './core-events.js';
import type { MonitorViews } from './monitor-views.js';
import type { RelaySupervisor } from './relay-supervisor.js';

/** What every group of API handlers works with. */
export interface CoreContext {
  readonly config: CoreConfig;
  readonly store: DesktopStore;
  readonly log: Logger;
  readonly connection: RelaySupervisor;
  readonly views: MonitorViews;
  readonly events: CoreEvents;
  /** Links to the relay the settings name, stopping the current link (after a relay setting changed). */
  relink(): Promise<void>;
}

/** The running sync, once any switch in progress is done; `relayUnavailable` when none runs. */
export async function currentSync(ctx: CoreContext): Promise<Result<RelaySync, ApiError>> {
  await ctx.connection.ready();
  const sync = ctx.connection.sync;
  if (sync !== null) return ok(sync);
  const reason = ctx.connection.status().lastError;
  return err(
    apiError(
      DesktopErrorCode.relayUnavailable,
      reason === null ? 'no relay is linked' : `no relay is linked: ${reason}`,
    ),
  );
}

/** A `notFound` answer naming what is missing. */
export function notFound(what: string): ApiResult<never> {
  return { ok: false, error: apiError(ErrorCode.notFound, `there is no ${what}`) };
}
