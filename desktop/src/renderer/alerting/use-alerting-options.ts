import { useMemo } from 'react';
import { useAppStore } from '../store/use-app-store.js';
import type { ChipOption } from './alerting-controls.js';
import { CHANNEL_KIND_INFO } from './channel-kinds.js';

/** The channels and monitors forms choose from, as chips, and names for ids. */
export function useAlertingOptions() {
  const channels = useAppStore((s) => s.alerting.channels);
  const monitors = useAppStore((s) => s.monitors);
  return useMemo(() => {
    const channelOptions: ChipOption[] = channels.map(({ channel }) => ({
      value: channel.id,
      label: channel.name,
      icon: CHANNEL_KIND_INFO[channel.kind].icon,
    }));
    const monitorOptions: ChipOption[] = [...monitors.values()]
      .map((view) => ({ value: view.monitor.id, label: view.monitor.name }))
      .sort((a, b) => a.label.localeCompare(b.label));
    const tags = [...new Set([...monitors.values()].flatMap((view) => view.monitor.tags))].sort();
    const channelName = (id: string) => channels.find((c) => c.channel.id === id)?.channel.name ?? id;
    const monitorName = (id: string) => monitors.get(id)?.monitor.name ?? id;
    return { channelOptions, monitorOptions, tags, channelName, monitorName };
  }, [channels, monitors]);
}
