import { ArrowLeft, FileQuestion } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import type { StatusPageDetail } from '@vantage/shared';
import { EmptyState, ErrorState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { Segmented } from '../components/segmented.js';
import { useAppStore } from '../store/use-app-store.js';
import { DesignTab } from './design-tab.js';
import { emptyPageForm, formFromConfig, type PageForm } from './page-form.js';
import { PageIncidents } from './page-incidents.js';
import { PageSubscribers } from './page-subscribers.js';

type Tab = 'design' | 'incidents' | 'subscribers';

/** One page: loads it (or starts a new one) and shows its design, incidents and subscribers tabs. */
export function PageDesigner({ slug }: { slug: string | null }) {
  const detail = useAppStore((s) => (slug === null ? undefined : s.pageDetails[slug]));
  const loadStatusPage = useAppStore((s) => s.loadStatusPage);
  const loadMonitors = useAppStore((s) => s.loadMonitors);
  const loadEmailChannels = useAppStore((s) => s.loadEmailChannels);
  const [loadError, setLoadError] = useState<{ code: string; message: string } | null>(null);
  const [initial, setInitial] = useState<PageForm | null>(() =>
    slug === null ? emptyPageForm() : detail === undefined ? null : formFromConfig(detail.page),
  );
  const [tab, setTab] = useState<Tab>('design');

  const reload = () => {
    if (slug === null) return;
    setLoadError(null);
    void loadStatusPage(slug).then((result) => {
      if (!result.ok) return setLoadError(result.error);
      setInitial((current) => current ?? formFromConfig(result.value.page));
    });
  };
  useEffect(reload, [slug, loadStatusPage]);
  useEffect(() => {
    void loadEmailChannels();
    void loadMonitors();
  }, [loadEmailChannels, loadMonitors]);

  if (initial === null) {
    if (loadError?.code === 'VANTAGE_ERR_NOT_FOUND')
      return (
        <div className="page">
          <EmptyState
            icon={FileQuestion}
            title="No such status page"
            action={
              <a className="btn" href="#/status-pages">
                Back to status pages
              </a>
            }
          >
            There is no page at <code>/s/{slug}</code> on the relay. It may have been deleted.
          </EmptyState>
        </div>
      );
    return (
      <div className="page">
        <PageHeader title="Status page" subtitle={loadError === null ? 'Loading…' : undefined} />
        <div className="page-body">
          <div className="card">
            {loadError !== null ? (
              <ErrorState message={loadError.message} onRetry={reload} />
            ) : (
              <Skeleton lines={6} height={32} />
            )}
          </div>
        </div>
      </div>
    );
  }

  const header = (actions: ReactNode, subtitle?: string, back?: () => void) => (
    <PageHeader
      leading={
        back === undefined ? (
          <a className="icon-btn" href="#/status-pages" aria-label="Back to status pages">
            <ArrowLeft size={18} />
          </a>
        ) : (
          <button type="button" className="icon-btn" aria-label="Back to status pages" onClick={back}>
            <ArrowLeft size={18} />
          </button>
        )
      }
      title={slug === null ? 'New status page' : (detail?.page.title ?? initial.title)}
      subtitle={subtitle ?? detail?.summary.url ?? 'Design a public page, then publish it to your relay.'}
      actions={
        <>
          {slug !== null && (
            <Segmented
              label="Page tab"
              options={[
                { value: 'design', label: 'Design' },
                { value: 'incidents', label: `Incidents${openCount(detail)}` },
                { value: 'subscribers', label: `Subscribers${countOf(detail?.summary.subscriberCount)}` },
              ]}
              value={tab}
              onChange={setTab}
            />
          )}
          {actions}
        </>
      }
    />
  );

  const other =
    slug === null || tab === 'design' ? null : tab === 'incidents' ? (
      <PageIncidents slug={slug} detail={detail ?? null} />
    ) : (
      <PageSubscribers slug={slug} detail={detail ?? null} />
    );
  // The design form stays mounted behind the other tabs, so unsaved edits survive a look at them.
  return <DesignTab slug={slug} initial={initial} detail={detail ?? null} header={header} other={other} />;
}

function openCount(detail: StatusPageDetail | undefined): string {
  const open = detail?.summary.openIncidentCount ?? 0;
  return open > 0 ? ` · ${open} open` : '';
}

function countOf(count: number | undefined): string {
  return count === undefined || count === 0 ? '' : ` · ${count}`;
}
