import { ErrorCode, type FieldError } from '@vantage/shared';
import { type ApiHandlers, type ApiResult, fieldsError, type MonitorView } from '../../contract/index.js';
import { type CoreContext, currentSync, notFound } from './core-context.js';
import { monitorIdFromName } from './monitor-id.js';
import { readMonitorInput } from './monitor-input.js';

type MonitorMethods =
  | 'monitors.list'
  | 'monitors.get'
  | 'monitors.create'
  | 'monitors.update'
  | 'monitors.delete'
  | 'monitors.pause'
  | 'monitors.runNow'
  | 'monitors.test';

/**
 * The `monitors.*` methods. Every configuration is validated in full before anything is written,
 * so a refused call changes nothing; writes go through the sync, which stores locally and queues
 * for the relay while it is away.
 */
export function monitorHandlers(ctx: CoreContext): Pick<ApiHandlers, MonitorMethods> {
  const { store, views } = ctx;
  const exists = (id: string) => store.monitors.get(id) !== null;
  const invalid = (errors: FieldError[]) =>
    ({ ok: false, error: fieldsError(ErrorCode.invalidMonitor, errors, 'monitor.') }) as const;
  const viewOf = (id: string): ApiResult<MonitorView> => {
    const view = views.one(id);
    return view === null ? notFound(`monitor "${id}"`) : { ok: true, value: view };
  };

  return {
    'monitors.list': () => ({ ok: true, value: views.all() }),

    'monitors.get': ({ monitorId }) => viewOf(monitorId),

    'monitors.create': async ({ monitor: input }) => {
      const read = readMonitorInput(input, {
        newId: (name) => monitorIdFromName(name, exists, ctx.config.random),
        idTaken: exists,
        parentExists: exists,
      });
      if (!read.ok) return invalid(read.error);
      const sync = await currentSync(ctx);
      if (!sync.ok) return sync;
      const saved = await sync.value.upsertMonitor(read.value);
      if (!saved.ok) return saved;
      ctx.events.monitorsChanged([read.value.id]);
      return viewOf(read.value.id);
    },

    'monitors.update': async ({ monitorId, monitor: input }) => {
      if (!exists(monitorId)) return notFound(`monitor "${monitorId}"`);
      const read = readMonitorInput(input, { fixedId: monitorId, parentExists: exists });
      if (!read.ok) return invalid(read.error);
      const sync = await currentSync(ctx);
      if (!sync.ok) return sync;
      const saved = await sync.value.upsertMonitor(read.value);
      if (!saved.ok) return saved;
      ctx.events.monitorsChanged([monitorId]);
      return viewOf(monitorId);
    },

    'monitors.delete': async ({ monitorId }) => {
      if (!exists(monitorId)) return notFound(`monitor "${monitorId}"`);
      const sync = await currentSync(ctx);
      if (!sync.ok) return sync;
      const deleted = await sync.value.deleteMonitor(monitorId);
      if (!deleted.ok) return deleted;
      ctx.events.monitorsRemoved([monitorId]);
      return { ok: true, value: { deleted: true } };
    },

    'monitors.pause': async ({ monitorId, paused }) => {
      if (!exists(monitorId)) return notFound(`monitor "${monitorId}"`);
      const sync = await currentSync(ctx);
      if (!sync.ok) return sync;
      const saved = await sync.value.pauseMonitor(monitorId, paused);
      if (!saved.ok) return saved;
      ctx.events.monitorsChanged([monitorId]);
      return viewOf(monitorId);
    },

    'monitors.runNow': async ({ monitorId, region }) => {
      if (!exists(monitorId)) return notFound(`monitor "${monitorId}"`);
      const sync = await currentSync(ctx);
      if (!sync.ok) return sync;
      return sync.value.runNow(monitorId, region);
    },

    'monitors.test': async ({ monitor: input, region }) => {
      // An unsaved monitor needs an id only to travel; `test-` keeps it apart from saved ones.
      const read = readMonitorInput(input, {
        newId: (name) => monitorIdFromName(`test ${name}`.slice(0, 40), exists, ctx.config.random),
        parentExists: exists,
      });
      if (!read.ok) return invalid(read.error);
      const sync = await currentSync(ctx);
      if (!sync.ok) return sync;
      return sync.value.testCheck(read.value, region);
    },
  };
}
