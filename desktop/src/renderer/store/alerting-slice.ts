import type {
  AlertRule,
  ChannelSchedule,
  DeliveryRecord,
  DeliveryStatus,
  EscalationPolicy,
} from '@vantage/shared';
import type { ApiResult } from '../../contract/index.js';
import type {
  ChannelView,
  MaintenanceView,
  TestOutcomeView,
} from '../../contract/methods/alerting-methods.js';
import { failed, IDLE, type LoadState, READY, reloading } from './load-state.js';
import type { SliceCreator } from './store-types.js';

/** The lists of the alerting screen, one per kind of document. */
export interface AlertingData {
  channels: ChannelView[];
  rules: AlertRule[];
  escalation: EscalationPolicy[];
  schedules: ChannelSchedule[];
  maintenance: MaintenanceView[];
}

/** A kind of alerting document the screen lists, saves and deletes. */
export type AlertingPart = keyof AlertingData;

/** The delivery log's filters. */
export interface DeliveryFilter {
  channelId: string | null;
  status: DeliveryStatus | null;
}

/** Alert channels, rules, escalation, schedules and maintenance (kept on the relay), and the delivery log. */
export interface AlertingSlice {
  alerting: AlertingData;
  alertingLoad: LoadState;
  /** Loads every alerting list (or only `parts`). */
  loadAlerting(parts?: readonly AlertingPart[]): Promise<void>;
  /** Saves a document of a part and reloads that part (and channels, whose view depends on others). */
  saveAlerting(part: AlertingPart, document: Record<string, unknown>): Promise<ApiResult<unknown>>;
  /** Deletes a document by its id (a schedule by its channel's id) and reloads the part. */
  deleteAlerting(part: AlertingPart, id: string): Promise<ApiResult<unknown>>;
  /** Sends a test through a saved channel, or through unsaved settings when `unsaved` is given. */
  testChannel(id: string, unsaved?: Record<string, unknown>): Promise<ApiResult<TestOutcomeView>>;
  deliveries: DeliveryRecord[];
  deliveriesLoad: LoadState;
  deliveryFilter: DeliveryFilter;
  setDeliveryFilter(patch: Partial<DeliveryFilter>): void;
  /** Loads the newest deliveries matching the filter. */
  loadDeliveries(): Promise<void>;
  /** The recent deliveries that reported one incident (none when the relay cannot say). */
  deliveriesOfIncident(incidentId: string): Promise<DeliveryRecord[]>;
}

const EMPTY: AlertingData = { channels: [], rules: [], escalation: [], schedules: [], maintenance: [] };
const PARTS: readonly AlertingPart[] = ['channels', 'rules', 'escalation', 'schedules', 'maintenance'];
const DELIVERY_LIMIT = 200;
// The log has no incident filter; an incident's alerts are among the newest few hundred messages.
const INCIDENT_LOOKBACK = 500;

/** The alerting slice. */
export const createAlertingSlice: SliceCreator<AlertingSlice> = (set, get, { transport }) => {
  const fetchPart = async (part: AlertingPart): Promise<ApiResult<unknown[]>> => {
    switch (part) {
      case 'channels':
        return transport.call('alerting.channels.list', {});
      case 'rules':
        return transport.call('alerting.rules.list', {});
      case 'escalation':
        return transport.call('alerting.escalation.list', {});
      case 'schedules':
        return transport.call('alerting.schedules.list', {});
      case 'maintenance':
        return transport.call('alerting.maintenance.list', {});
    }
  };

  return {
    alerting: EMPTY,
    alertingLoad: IDLE,

    async loadAlerting(parts = PARTS) {
      set({ alertingLoad: reloading(get().alertingLoad) });
      const results = await Promise.all(parts.map(fetchPart));
      const next = { ...get().alerting };
      for (const [i, part] of parts.entries()) {
        const result = results[i]!;
        if (!result.ok) return set({ alertingLoad: failed(result.error.message) });
        (next as Record<AlertingPart, unknown[]>)[part] = result.value;
      }
      set({ alerting: next, alertingLoad: READY });
    },

    async saveAlerting(part, document) {
      const result = await (() => {
        switch (part) {
          case 'channels':
            return transport.call('alerting.channels.save', document as never);
          case 'rules':
            return transport.call('alerting.rules.save', document as never);
          case 'escalation':
            return transport.call('alerting.escalation.save', document as never);
          case 'schedules':
            return transport.call('alerting.schedules.save', document as never);
          case 'maintenance':
            return transport.call('alerting.maintenance.save', document as never);
        }
      })();
      if (result.ok) await get().loadAlerting(part === 'channels' ? ['channels'] : [part]);
      return result;
    },

    async deleteAlerting(part, id) {
      const result = await (() => {
        switch (part) {
          case 'channels':
            return transport.call('alerting.channels.delete', { id });
          case 'rules':
            return transport.call('alerting.rules.delete', { id });
          case 'escalation':
            return transport.call('alerting.escalation.delete', { id });
          case 'schedules':
            return transport.call('alerting.schedules.delete', { channelId: id });
          case 'maintenance':
            return transport.call('alerting.maintenance.delete', { id });
        }
      })();
      if (result.ok) await get().loadAlerting(part === 'channels' ? ['channels', 'schedules'] : [part]);
      return result;
    },

    async testChannel(id, unsaved) {
      const result =
        unsaved === undefined
          ? await transport.call('alerting.channels.test', { id })
          : await transport.call('alerting.channels.testUnsaved', unsaved as never);
      return result;
    },

    deliveries: [],
    deliveriesLoad: IDLE,
    deliveryFilter: { channelId: null, status: null },

    setDeliveryFilter(patch) {
      set({ deliveryFilter: { ...get().deliveryFilter, ...patch } });
      void get().loadDeliveries();
    },

    async loadDeliveries() {
      const { channelId, status } = get().deliveryFilter;
      set({ deliveriesLoad: reloading(get().deliveriesLoad) });
      const result = await transport.call('alerting.deliveries', {
        limit: DELIVERY_LIMIT,
        ...(channelId === null ? {} : { channelId }),
        ...(status === null ? {} : { status }),
      });
      // A slower answer for an older filter must not overwrite the current one.
      const now = get().deliveryFilter;
      if (now.channelId !== channelId || now.status !== status) return;
      if (!result.ok) return set({ deliveriesLoad: failed(result.error.message) });
      set({ deliveries: result.value, deliveriesLoad: READY });
    },

    async deliveriesOfIncident(incidentId) {
      const result = await transport.call('alerting.deliveries', { limit: INCIDENT_LOOKBACK });
      if (!result.ok) return [];
      return result.value.filter((record) =>
        record.message.notices.some((notice) => notice.incidentId === incidentId),
      );
    },
  };
};
