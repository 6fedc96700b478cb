import type { ApiHandlers } from '../../contract/index.js';
import type { CoreContext } from './core-context.js';
import { settingsView } from './settings-view.js';

const MINUTE_MS = 60_000;

/** The `notifications.*` methods: the log of notifications shown, and muting them for a while. */
export function notificationHandlers(
  ctx: CoreContext,
): Pick<ApiHandlers, 'notifications.list' | 'notifications.mute'> {
  const { store } = ctx;
  return {
    'notifications.list': ({ limit }) => ({ ok: true, value: store.notifications.list({ limit }) }),

    'notifications.mute': ({ minutes }) => {
      const until = minutes === 0 ? null : ctx.config.now() + minutes * MINUTE_MS;
      const updated = store.settings.update({ notificationsMutedUntil: until });
      // The patch is built here from a validated number: failing it is a bug, not an input error.
      if (!updated.ok) throw new Error(`muting failed: ${JSON.stringify(updated.error)}`);
      const view = settingsView(updated.value);
      ctx.events.emit({ type: 'settings', settings: view });
      return { ok: true, value: view };
    },
  };
}
