import type {
  PageIncident,
  PageIncidentCreate,
  PageIncidentUpdateInput,
  PageSubscribeInput,
  PageSubscriber,
  StatusPageConfigInput,
  StatusPageDetail,
  StatusPageSummary,
} from '@vantage/shared';
import type { ApiResult } from '../../contract/index.js';
import type { EmailChannelChoice } from '../../contract/methods/status-page-methods.js';
import { failed, IDLE, type LoadState, READY, reloading } from './load-state.js';
import type { SliceCreator } from './store-types.js';

/** Status pages on the relay: the list, each opened page's design, written incidents and subscribers. */
export interface StatusPagesSlice {
  statusPages: StatusPageSummary[];
  statusPagesLoad: LoadState;
  /** Pages opened in the designer, by slug. */
  pageDetails: Record<string, StatusPageDetail>;
  /** Written incidents by slug, newest first. */
  pageIncidents: Record<string, PageIncident[]>;
  pageSubscribers: Record<string, PageSubscriber[]>;
  /** The relay's email channels (null until asked for). */
  emailChannels: EmailChannelChoice[] | null;
  loadStatusPages(): Promise<void>;
  loadStatusPage(slug: string): Promise<ApiResult<StatusPageDetail>>;
  /** Creates or replaces a page, then refreshes the list. */
  saveStatusPage(config: StatusPageConfigInput): Promise<ApiResult<StatusPageDetail>>;
  deleteStatusPage(slug: string): Promise<ApiResult<{ slug: string }>>;
  loadPageIncidents(slug: string): Promise<ApiResult<PageIncident[]>>;
  createPageIncident(slug: string, incident: PageIncidentCreate): Promise<ApiResult<PageIncident>>;
  postPageUpdate(
    slug: string,
    incidentId: string,
    update: PageIncidentUpdateInput,
  ): Promise<ApiResult<PageIncident>>;
  deletePageIncident(slug: string, incidentId: string): Promise<ApiResult<{ id: string }>>;
  loadPageSubscribers(slug: string): Promise<ApiResult<PageSubscriber[]>>;
  addPageSubscriber(slug: string, subscriber: PageSubscribeInput): Promise<ApiResult<PageSubscriber>>;
  removePageSubscriber(slug: string, subscriberId: string): Promise<ApiResult<{ id: string }>>;
  loadEmailChannels(): Promise<void>;
}

/** The status pages slice. */
export const createStatusPagesSlice: SliceCreator<StatusPagesSlice> = (set, get, { transport }) => {
  /** Puts one incident in its page's list (newest first) and refreshes the counts the list shows. */
  const keepIncident = (slug: string, incident: PageIncident) => {
    const others = (get().pageIncidents[slug] ?? []).filter((i) => i.id !== incident.id);
    const incidents = [incident, ...others].sort((a, b) => b.createdAt - a.createdAt);
    set({ pageIncidents: { ...get().pageIncidents, [slug]: incidents } });
    void get().loadStatusPages();
  };

  return {
    statusPages: [],
    statusPagesLoad: IDLE,
    pageDetails: {},
    pageIncidents: {},
    pageSubscribers: {},
    emailChannels: null,

    async loadStatusPages() {
      set({ statusPagesLoad: reloading(get().statusPagesLoad) });
      const result = await transport.call('statusPages.list', {});
      if (!result.ok) return set({ statusPagesLoad: failed(result.error.message) });
      set({ statusPages: result.value, statusPagesLoad: READY });
    },

    async loadStatusPage(slug) {
      const result = await transport.call('statusPages.get', { slug });
      if (result.ok) set({ pageDetails: { ...get().pageDetails, [slug]: result.value } });
      return result;
    },

    async saveStatusPage(config) {
      const result = await transport.call('statusPages.save', config);
      if (result.ok) {
        set({ pageDetails: { ...get().pageDetails, [result.value.page.slug]: result.value } });
        const others = get().statusPages.filter((p) => p.slug !== result.value.summary.slug);
        set({
          statusPages: [...others, result.value.summary].sort((a, b) => a.title.localeCompare(b.title)),
        });
      }
      return result;
    },

    async deleteStatusPage(slug) {
      const result = await transport.call('statusPages.delete', { slug });
      if (result.ok) {
        const details = Object.fromEntries(Object.entries(get().pageDetails).filter(([key]) => key !== slug));
        set({ pageDetails: details, statusPages: get().statusPages.filter((p) => p.slug !== slug) });
      }
      return result;
    },

    async loadPageIncidents(slug) {
      const result = await transport.call('statusPages.incidents', { slug });
      if (result.ok) set({ pageIncidents: { ...get().pageIncidents, [slug]: result.value } });
      return result;
    },

    async createPageIncident(slug, incident) {
      const result = await transport.call('statusPages.createIncident', { slug, ...incident });
      if (result.ok) keepIncident(slug, result.value);
      return result;
    },

    async postPageUpdate(slug, incidentId, update) {
      const result = await transport.call('statusPages.postUpdate', { slug, incidentId, ...update });
      if (result.ok) keepIncident(slug, result.value);
      return result;
    },

    async deletePageIncident(slug, incidentId) {
      const result = await transport.call('statusPages.deleteIncident', { slug, incidentId });
      if (result.ok) {
        const incidents = (get().pageIncidents[slug] ?? []).filter((i) => i.id !== incidentId);
        set({ pageIncidents: { ...get().pageIncidents, [slug]: incidents } });
        void get().loadStatusPages();
      }
      return result;
    },

    async loadPageSubscribers(slug) {
      const result = await transport.call('statusPages.subscribers', { slug });
      if (result.ok) set({ pageSubscribers: { ...get().pageSubscribers, [slug]: result.value } });
      return result;
    },

    async addPageSubscriber(slug, subscriber) {
      const result = await transport.call('statusPages.addSubscriber', { slug, subscriber });
      if (result.ok) {
        const others = (get().pageSubscribers[slug] ?? []).filter((s) => s.id !== result.value.id);
        set({ pageSubscribers: { ...get().pageSubscribers, [slug]: [...others, result.value] } });
        void get().loadStatusPages();
      }
      return result;
    },

    async removePageSubscriber(slug, subscriberId) {
      const result = await transport.call('statusPages.removeSubscriber', { slug, subscriberId });
      if (result.ok) {
        const left = (get().pageSubscribers[slug] ?? []).filter((s) => s.id !== subscriberId);
        set({ pageSubscribers: { ...get().pageSubscribers, [slug]: left } });
        void get().loadStatusPages();
      }
      return result;
    },

    async loadEmailChannels() {
      const result = await transport.call('statusPages.emailChannels', {});
      set({ emailChannels: result.ok ? result.value : [] });
    },
  };
};
