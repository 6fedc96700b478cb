import { ErrorCode, err, ok, type Result } from '@vantage/shared';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { type ApiError, type ApiResult, apiError, DesktopErrorCode } from '../../contract/index.js';
import type { DesktopStore } from '../store/index.js';
import type { RelayVerb } from '../sync/relay-rest.js';
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

/**
 * Calls the linked relay's REST API (`path` under `/api/v1`) and checks the answer against
 * `schema`: how handlers of relay-side domains (alerting, heartbeats, status pages) read and write.
 */
export async function relayCall<T>(
  ctx: CoreContext,
  verb: RelayVerb,
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<Result<T, ApiError>> {
  const sync = await currentSync(ctx);
  if (!sync.ok) return sync;
  const answer = await sync.value.relayCall(verb, path, body);
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(answer.value);
  if (parsed.success) return ok(parsed.data);
  ctx.log.warn(
    { route: `${verb} ${path.split('?')[0]}`, issues: parsed.error.issues.slice(0, 3) },
    'the relay answered with an unexpected body',
  );
  return err(
    apiError(
      ErrorCode.internal,
      `the relay answered ${verb} ${path.split('?')[0]} with a body this desktop does not understand (is the relay a different version?)`,
    ),
  );
}
