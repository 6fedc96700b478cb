import type { ApiHandlers } from '../../contract/index.js';
import { type CoreContext, currentSync, notFound } from './core-context.js';
import { incidentView } from './incident-view.js';

/** The `incidents.*` methods: incidents as the relay's evaluator reported them, and acknowledging one. */
export function incidentHandlers(
  ctx: CoreContext,
): Pick<ApiHandlers, 'incidents.list' | 'incidents.get' | 'incidents.acknowledge'> {
  const { store } = ctx;
  return {
    'incidents.list': ({ state, monitorId, limit }) => {
      const open = state === 'all' ? undefined : state === 'open';
      const incidents = store.incidents.list({
        ...(open === undefined ? {} : { open }),
        ...(monitorId === undefined ? {} : { monitorId }),
        limit,
      });
      return { ok: true, value: incidents.map((incident) => incidentView(store, incident)) };
    },

    'incidents.get': ({ incidentId }) => {
      const incident = store.incidents.get(incidentId);
      return incident === null
        ? notFound(`incident "${incidentId}"`)
        : { ok: true, value: incidentView(store, incident) };
    },

    'incidents.acknowledge': async ({ incidentId, by }) => {
      if (store.incidents.get(incidentId) === null) return notFound(`incident "${incidentId}"`);
      const sync = await currentSync(ctx);
      if (!sync.ok) return sync;
      const acknowledged = await sync.value.acknowledge(incidentId, by);
      if (!acknowledged.ok) return acknowledged;
      return { ok: true, value: incidentView(store, acknowledged.value) };
    },
  };
}
