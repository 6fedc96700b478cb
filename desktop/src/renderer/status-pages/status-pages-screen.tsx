import type { StatusPageSummary } from '@vantage/shared';
import { ExternalLink, Globe, Plus } from 'lucide-react';
import { useEffect } from 'react';
import { EmptyState, ErrorState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { useNow } from '../components/use-now.js';
import { formatAgo, plural } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { CopyButton } from './copy-button.js';
import { PageDesigner } from './page-designer.js';
import { NEW_PAGE } from './page-slug.js';
import './status-pages.css';

/** Status pages: the list (`pageId` null) or one page's designer (`~new` for a page not saved yet). */
export function StatusPagesScreen({ pageId }: { pageId: string | null }) {
  if (pageId !== null) return <PageDesigner key={pageId} slug={pageId === NEW_PAGE ? null : pageId} />;
  return <PageList />;
}

function PageList() {
  const pages = useAppStore((s) => s.statusPages);
  const load = useAppStore((s) => s.statusPagesLoad);
  const loadStatusPages = useAppStore((s) => s.loadStatusPages);
  const navigate = useAppStore((s) => s.navigate);
  const now = useNow();
  useEffect(() => void loadStatusPages(), [loadStatusPages]);
  const newPage = () => navigate({ screen: 'status-pages', pageId: NEW_PAGE });
  const published = pages.filter((p) => p.published).length;

  return (
    <div className="page">
      <PageHeader
        title="Status pages"
        subtitle={
          pages.length === 0
            ? 'Public pages your users check when something is wrong.'
            : `${plural(pages.length, 'page')} · ${published} published`
        }
        actions={
          pages.length > 0 && (
            <button type="button" className="btn btn-primary" onClick={newPage}>
              <Plus size={15} /> New status page
            </button>
          )
        }
      />
      <div className="page-body">
        {load.status === 'error' && pages.length === 0 ? (
          <ErrorState message={load.error ?? ''} onRetry={() => void loadStatusPages()} />
        ) : load.status !== 'ready' && pages.length === 0 ? (
          <div className="card">
            <Skeleton lines={4} height={40} />
          </div>
        ) : pages.length === 0 ? (
          <div className="card">
            <EmptyState
              icon={Globe}
              title="No status pages yet"
              action={
                <button type="button" className="btn btn-primary" onClick={newPage}>
                  <Plus size={15} /> New status page
                </button>
              }
            >
              A status page is a public web page your relay serves at <code>/s/your-name</code>: the monitors
              you pick, under names you choose, with their uptime and the incidents you write. Visitors can
              subscribe by email or webhook, and it stays up while this computer sleeps. Nothing you do not
              pick is ever shown.
            </EmptyState>
          </div>
        ) : (
          <ul className="status-page-list">
            {pages.map((page) => (
              <PageRow key={page.slug} page={page} now={now} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function PageRow({ page, now }: { page: StatusPageSummary; now: number }) {
  const href = `#/status-pages/${encodeURIComponent(page.slug)}`;
  return (
    <li className="status-page-row card" data-slug={page.slug}>
      <div className="status-page-row-main">
        <div className="status-page-row-title">
          <a href={href} className="strong">
            {page.title}
          </a>
          <span className={`badge badge-sm ${page.published ? 'badge-up' : 'badge-paused'}`}>
            {page.published ? 'Published' : 'Draft'}
          </span>
        </div>
        <div className="status-page-url">
          <span className="mono small">{page.url}</span>
          <CopyButton text={page.url} label="address" />
          {page.published && (
            <a
              className="icon-btn"
              href={page.url}
              target="_blank"
              rel="noreferrer"
              aria-label={`Open ${page.title}`}
              title="Open the page"
            >
              <ExternalLink size={14} />
            </a>
          )}
          {page.customDomain !== undefined && (
            <span className="chip chip-xs mono" title="Custom domain">
              {page.customDomain}
            </span>
          )}
        </div>
      </div>
      <dl className="status-page-stats">
        <div>
          <dt>Monitors</dt>
          <dd className="num">{page.monitorCount}</dd>
        </div>
        <div>
          <dt>Subscribers</dt>
          <dd className="num">{page.subscriberCount}</dd>
        </div>
        <div className={page.openIncidentCount > 0 ? 'stat-alert' : undefined}>
          <dt>Open incidents</dt>
          <dd className="num">{page.openIncidentCount}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{formatAgo(page.updatedAt, now)}</dd>
        </div>
      </dl>
      <a className="btn btn-sm" href={href}>
        Edit
      </a>
    </li>
  );
}
