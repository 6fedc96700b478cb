import { stringify as stringifyYaml } from 'yaml';
import type { ApiHandlers } from '../../contract/index.js';
import { type CoreContext, currentSync } from './core-context.js';
import { CONFIG_FORMAT_VERSION, importError, parseConfigDocument } from './config-document.js';
import { planImport } from './import-plan.js';
import { monitorIdFromName } from './monitor-id.js';
import { settingsView } from './settings-view.js';

/**
 * `config.export` and `config.import`: the whole configuration (monitors and preferences, never
 * the relay token) as JSON or YAML, and back. An import is validated in full and planned before
 * the first write; merging keeps monitors the file does not hold, replacing deletes them.
 */
export function configHandlers(ctx: CoreContext): Pick<ApiHandlers, 'config.export' | 'config.import'> {
  const { store } = ctx;
  return {
    'config.export': ({ format }) => {
      const { theme, rawRetentionDays, notifications } = store.settings.get();
      const monitors = store.monitors.list().map((r) => r.monitor);
      const doc = {
        vantage: CONFIG_FORMAT_VERSION,
        exportedAt: new Date(ctx.config.now()).toISOString(),
        settings: { theme, rawRetentionDays, notifications },
        monitors,
      };
      const text = format === 'yaml' ? stringifyYaml(doc) : `${JSON.stringify(doc, null, 2)}\n`;
      return { ok: true, value: { format, text, monitors: monitors.length } };
    },

    'config.import': async ({ text, format, mode }) => {
      const doc = parseConfigDocument(text, format);
      if (!doc.ok) return doc;
      const plan = planImport(doc.value, store.monitors.list(), mode, (name, taken) =>
        monitorIdFromName(name, taken, ctx.config.random),
      );
      if (!plan.ok) return { ok: false, error: importError(plan.error) };
      const { upserts, deletes, settings } = plan.value;
      const sync = await currentSync(ctx);
      if (!sync.ok) return sync;
      if (settings !== undefined && Object.keys(settings).length > 0) {
        const updated = store.settings.update(settings);
        if (!updated.ok) return { ok: false, error: importError(updated.error) };
        ctx.events.emit({ type: 'settings', settings: settingsView(updated.value) });
      }
      // Every monitor passed the same validation the relay applies, so these writes are not
      // expected to fail; if the disk does, the error says so and the remaining ones are not made.
      for (const monitor of upserts) {
        const saved = await sync.value.upsertMonitor(monitor);
        if (!saved.ok) return saved;
      }
      for (const id of deletes) {
        const deleted = await sync.value.deleteMonitor(id);
        if (!deleted.ok) return deleted;
      }
      ctx.events.monitorsChanged(upserts.map((m) => m.id));
      ctx.events.monitorsRemoved(deletes);
      const { created, updated, unchanged } = plan.value;
      const outcome = { created, updated, deleted: deletes.length, unchanged };
      ctx.log.info({ ...outcome, mode }, 'configuration imported');
      return { ok: true, value: outcome };
    },
  };
}
