import type { ProbeView, RegionView } from '../../contract/index.js';
import { failed, IDLE, type LoadState, READY, reloading } from './load-state.js';
import type { SliceCreator } from './store-types.js';

/** Probes and the regions they serve. */
export interface ProbesSlice {
  probes: Record<string, ProbeView>;
  regions: RegionView[];
  probesLoad: LoadState;
  loadProbes(): Promise<void>;
  /** Takes a probe from a `probe` event; region figures are refreshed behind it. */
  applyProbe(probe: ProbeView): void;
}

/** The probes slice. */
export const createProbesSlice: SliceCreator<ProbesSlice> = (set, get, { transport }) => {
  let regionsRefresh: Promise<void> | null = null;
  const refreshRegions = () => {
    // One refresh at a time: a burst of probe events needs one answer, not one per event.
    regionsRefresh ??= transport.call('regions.list', {}).then((result) => {
      regionsRefresh = null;
      if (result.ok) set({ regions: result.value });
    });
    return regionsRefresh;
  };
  return {
    probes: {},
    regions: [],
    probesLoad: IDLE,

    async loadProbes() {
      set({ probesLoad: reloading(get().probesLoad) });
      const [probes, regions] = await Promise.all([
        transport.call('probes.list', {}),
        transport.call('regions.list', {}),
      ]);
      if (!probes.ok) {
        set({ probesLoad: failed(probes.error.message) });
        return;
      }
      set({
        probes: Object.fromEntries(probes.value.map((probe) => [probe.probeId, probe])),
        regions: regions.ok ? regions.value : get().regions,
        probesLoad: READY,
      });
    },

    applyProbe(probe) {
      set({ probes: { ...get().probes, [probe.probeId]: probe } });
      void refreshRegions();
    },
  };
};
