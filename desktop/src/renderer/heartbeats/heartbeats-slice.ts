import type { HeartbeatDetail, HeartbeatSummary } from '@vantage/shared';
import type { ApiResult } from '../../contract/index.js';
import { failed, IDLE, type LoadState, READY, reloading } from '../store/load-state.js';
import type { SliceCreator } from '../store/store-types.js';

/** Heartbeat monitors' ping URLs, states and runs, as the relay keeps them, by monitor id. */
export interface HeartbeatsSlice {
  heartbeats: Record<string, HeartbeatDetail>;
  heartbeatLoads: Record<string, LoadState>;
  /** Loads (or refreshes) one heartbeat monitor's detail. */
  loadHeartbeat(monitorId: string): Promise<void>;
  /** Gives a heartbeat monitor a new ping URL, then reloads its detail. */
  rotateHeartbeatToken(monitorId: string): Promise<ApiResult<HeartbeatSummary>>;
}

/** The heartbeats slice. */
export const createHeartbeatsSlice: SliceCreator<HeartbeatsSlice> = (set, get, { transport }) => ({
  heartbeats: {},
  heartbeatLoads: {},

  async loadHeartbeat(monitorId) {
    const loads = get().heartbeatLoads;
    set({ heartbeatLoads: { ...loads, [monitorId]: reloading(loads[monitorId] ?? IDLE) } });
    const answer = await transport.call('heartbeats.get', { monitorId });
    if (answer.ok) {
      set({
        heartbeats: { ...get().heartbeats, [monitorId]: answer.value },
        heartbeatLoads: { ...get().heartbeatLoads, [monitorId]: READY },
      });
    } else {
      set({ heartbeatLoads: { ...get().heartbeatLoads, [monitorId]: failed(answer.error.message) } });
    }
  },

  async rotateHeartbeatToken(monitorId) {
    const answer = await transport.call('heartbeats.rotateToken', { monitorId });
    if (answer.ok) await get().loadHeartbeat(monitorId);
    return answer;
  },
});
