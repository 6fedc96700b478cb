import { ExternalLink, Globe } from 'lucide-react';
import { useState } from 'react';
import type { StatusPageDetail } from '@vantage/shared';
import { CopyBlock } from '../components/copy-block.js';
import { Segmented } from '../components/segmented.js';
import { formatAgo } from '../format/format.js';
import { type BadgeKind, badgeSnippets } from './page-snippets.js';

/** The side of the designer: whether and where the page is public, and its badges to embed. */
export function PublishPanel({ detail, now }: { detail: StatusPageDetail | null; now: number }) {
  return (
    <div className="stack">
      <section className="card" aria-labelledby="publish-title">
        <h2 className="section-title" id="publish-title">
          <Globe size={15} /> Publishing
        </h2>
        {detail === null ? (
          <p className="muted small no-margin">
            Not saved yet. <strong>Publish</strong> makes the page public on your relay at once;{' '}
            <strong>Save as draft</strong> keeps it private until you publish it.
          </p>
        ) : (
          <div className="publish-state">
            <div className="publish-line">
              <span className={`badge badge-sm ${detail.summary.published ? 'badge-up' : 'badge-paused'}`}>
                {detail.summary.published ? 'Published' : 'Draft'}
              </span>
              <span className="muted small">updated {formatAgo(detail.summary.updatedAt, now)}</span>
            </div>
            <CopyBlock text={detail.summary.url} label="page address" />
            {detail.summary.customDomain !== undefined && (
              <div className="muted small">
                Also at <span className="mono">{detail.summary.customDomain}</span> once its DNS points at the
                relay.
              </div>
            )}
            {detail.summary.published ? (
              <a className="btn btn-sm" href={detail.summary.url} target="_blank" rel="noreferrer">
                <ExternalLink size={13} /> Open page
              </a>
            ) : (
              <div className="muted small">A draft answers “not found” to visitors until you publish it.</div>
            )}
          </div>
        )}
      </section>
      {detail !== null && detail.badges.length > 0 && <BadgesCard detail={detail} />}
    </div>
  );
}

function BadgesCard({ detail }: { detail: StatusPageDetail }) {
  const [format, setFormat] = useState<'markdown' | 'html'>('markdown');
  const [kind, setKind] = useState<BadgeKind>('status');
  return (
    <section className="card" aria-labelledby="badges-title">
      <div className="card-header">
        <h2 className="section-title" id="badges-title">
          Badges
        </h2>
        <Segmented
          size="sm"
          label="Snippet format"
          options={[
            { value: 'markdown', label: 'Markdown' },
            { value: 'html', label: 'HTML' },
          ]}
          value={format}
          onChange={setFormat}
        />
      </div>
      <Segmented
        size="sm"
        label="Badge"
        options={[
          { value: 'status', label: 'Status' },
          { value: 'uptime', label: 'Uptime' },
          { value: 'latency', label: 'Response time' },
        ]}
        value={kind}
        onChange={setKind}
      />
      <ul className="badge-list">
        {detail.badges.map((badge) => {
          const snippet = badgeSnippets(badge, kind, detail.summary.url);
          return (
            <li key={badge.monitorId}>
              <div className="small strong">{badge.label}</div>
              <CopyBlock
                text={format === 'markdown' ? snippet.markdown : snippet.html}
                label={`${badge.label} badge`}
              />
            </li>
          );
        })}
      </ul>
      {!detail.summary.published && (
        <div className="muted small">Badges, like the page, are public only once it is published.</div>
      )}
    </section>
  );
}
