import { type ApiHandlers, DesktopErrorCode, fieldsError } from '../../contract/index.js';
import type { DesktopSettings } from '../store/index.js';
import type { CoreContext } from './core-context.js';
import { settingsView } from './settings-view.js';

const LINK_KEYS = ['relayMode', 'remoteUrl', 'remoteToken'] as const;

/**
 * The `settings.*` and `sync.*` methods. Changing the relay settings relinks: the current sync
 * stops (and the embedded relay and probe with it when leaving embedded mode) and a sync to the
 * new relay starts, which pushes the local monitors there. Local history is untouched.
 */
export function settingsHandlers(
  ctx: CoreContext,
): Pick<ApiHandlers, 'settings.get' | 'settings.update' | 'sync.status' | 'sync.reconnect'> {
  const { store, connection } = ctx;
  return {
    'settings.get': () => ({ ok: true, value: settingsView(store.settings.get()) }),

    'settings.update': async (patch) => {
      const before = store.settings.get();
      const updated = store.settings.update(patch);
      if (!updated.ok) return { ok: false, error: fieldsError(DesktopErrorCode.invalidInput, updated.error) };
      const view = settingsView(updated.value);
      ctx.events.emit({ type: 'settings', settings: view });
      if (linkChanged(before, updated.value)) {
        ctx.log.info(
          { relayMode: updated.value.relayMode, remoteUrl: updated.value.remoteUrl },
          'relay settings changed',
        );
        await ctx.relink();
      }
      return { ok: true, value: view };
    },

    'sync.status': async () => {
      await connection.ready();
      return { ok: true, value: connection.status() };
    },

    'sync.reconnect': async () => {
      await connection.reconnect();
      return { ok: true, value: connection.status() };
    },
  };
}

function linkChanged(before: DesktopSettings, after: DesktopSettings): boolean {
  return LINK_KEYS.some((key) => before[key] !== after[key]);
}
