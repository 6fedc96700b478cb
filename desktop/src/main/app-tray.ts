import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { ApiEvent, ApiProvider } from '../contract/index.js';
import { MonitorTally } from './monitor-tally.js';
import { trayIconPng } from './tray-icon.js';
import { MUTE_MINUTES, type TrayAction, trayMenuModel } from './tray-menu-model.js';

/** What the tray's menu items do outside the core. */
export interface TrayCommands {
  open(): void;
  quit(): void;
}

/** The tray, drawn from the pure {@link trayMenuModel} and kept current from the core's events. */
export interface AppTray {
  /** Removes the tray and stops following events. */
  destroy(): void;
}

function iconFor(state: ReturnType<typeof trayMenuModel>['state']) {
  const image = nativeImage.createFromBuffer(trayIconPng(state, 16));
  image.addRepresentation({ scaleFactor: 2, buffer: trayIconPng(state, 32) });
  return image;
}

/**
 * Creates the tray: its dot shows the worst monitor state, its tooltip the counts, its menu the
 * counts by state, Open, pause (or resume) notifications, and Quit. The tally starts from the
 * monitor list and follows live events; the mute time from the settings.
 */
export async function createAppTray(
  api: ApiProvider,
  commands: TrayCommands,
  log: (error: unknown) => void,
): Promise<AppTray> {
  const handlers = api.handlers;
  const tally = new MonitorTally();
  let mutedUntil: number | null = null;
  let expiry: NodeJS.Timeout | undefined;
  // Subscribed before the first list is read, so no change falls between the two; events that
  // arrive meanwhile are applied after it.
  let early: ApiEvent[] | null = [];
  // Takes in an event; true when the tray must be redrawn.
  const absorb = (event: ApiEvent): boolean => {
    if (event.type !== 'settings') return tally.apply(event);
    mutedUntil = event.settings.notificationsMutedUntil;
    return true;
  };
  const unsubscribe = api.onEvent((event) => {
    if (early) early.push(event);
    else if (absorb(event)) redraw();
  });
  const listed = await handlers['monitors.list']({});
  if (listed.ok) tally.reset(listed.value);
  const settings = await handlers['settings.get']({});
  if (settings.ok) mutedUntil = settings.value.notificationsMutedUntil;

  const tray = new Tray(iconFor('empty'));
  const run = (action: TrayAction) => {
    if (action === 'open') return commands.open();
    if (action === 'quit') return commands.quit();
    const minutes = action === 'mute-hour' ? MUTE_MINUTES : 0;
    void Promise.resolve(handlers['notifications.mute']({ minutes })).then((result) => {
      if (!result.ok) return log(result.error);
      mutedUntil = result.value.notificationsMutedUntil;
      redraw();
    }, log);
  };
  const redraw = () => {
    const now = Date.now();
    const model = trayMenuModel({
      counts: tally.counts(),
      mutedUntil,
      now,
      formatTime: (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
    });
    tray.setImage(iconFor(model.state));
    tray.setToolTip(model.tooltip);
    const template: MenuItemConstructorOptions[] = model.items.map((item) =>
      item.type === 'separator'
        ? { type: 'separator' }
        : item.action === undefined
          ? { label: item.label, enabled: false }
          : { label: item.label, click: () => run(item.action!) },
    );
    tray.setContextMenu(Menu.buildFromTemplate(template));
    // Redraw when the mute runs out, so the menu offers "pause" again.
    clearTimeout(expiry);
    if (mutedUntil !== null && mutedUntil > now) expiry = setTimeout(redraw, mutedUntil - now + 1000);
  };
  tray.on('click', () => commands.open());

  for (const event of early) absorb(event);
  early = null;
  redraw();

  return {
    destroy() {
      unsubscribe();
      clearTimeout(expiry);
      tray.destroy();
    },
  };
}
