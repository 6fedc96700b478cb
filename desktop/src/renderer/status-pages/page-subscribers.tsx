import type { PageSubscriber, StatusPageDetail } from '@vantage/shared';
import { Mail, Trash2, Users, Webhook } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { CopyBlock } from '../components/copy-block.js';
import { EmptyState, ErrorState, Skeleton } from '../components/empty-state.js';
import { Segmented } from '../components/segmented.js';
import { useNow } from '../components/use-now.js';
import { formatAgo } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';

/** A page's subscribers: who is told of incident updates, adding an email or webhook, removing one. */
export function PageSubscribers({ slug, detail }: { slug: string; detail: StatusPageDetail | null }) {
  const subscribers = useAppStore((s) => s.pageSubscribers[slug]);
  const loadPageSubscribers = useAppStore((s) => s.loadPageSubscribers);
  const removePageSubscriber = useAppStore((s) => s.removePageSubscriber);
  const toast = useAppStore((s) => s.toast);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const reload = () =>
    void loadPageSubscribers(slug).then((result) => setError(result.ok ? null : result.error.message));
  useEffect(reload, [slug, loadPageSubscribers]);

  const remove = async (subscriber: PageSubscriber) => {
    const result = await removePageSubscriber(slug, subscriber.id);
    if (!result.ok) toast('error', 'Could not remove the subscriber', result.error.message);
  };
  const emailOn = detail?.page.subscriberEmailChannelId !== undefined;

  return (
    <div className="page-body page-subscribers">
      <AddSubscriber slug={slug} emailOn={emailOn} />
      <section className="card" aria-label="Subscribers">
        {error !== null && subscribers === undefined ? (
          <ErrorState message={error} onRetry={reload} />
        ) : subscribers === undefined ? (
          <Skeleton lines={3} height={28} />
        ) : subscribers.length === 0 ? (
          <EmptyState icon={Users} title="No subscribers yet" compact>
            Visitors subscribe from the page itself; you can add addresses and webhooks here too. Email
            subscribers confirm by a link before anything is sent.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table subscriber-table">
              <thead>
                <tr>
                  <th>Subscriber</th>
                  <th>State</th>
                  <th>Added</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {subscribers.map((subscriber) => (
                  <tr key={subscriber.id} data-subscriber-id={subscriber.id}>
                    <td>
                      <span className="subscriber-address">
                        {subscriber.kind === 'email' ? <Mail size={14} /> : <Webhook size={14} />}
                        <span className={subscriber.kind === 'webhook' ? 'mono small' : undefined}>
                          {subscriber.address}
                        </span>
                      </span>
                    </td>
                    <td>
                      <span className={`chip chip-xs ${subscriber.confirmed ? 'chip-up' : ''}`}>
                        {subscriber.confirmed ? 'Confirmed' : 'Awaiting confirmation'}
                      </span>
                    </td>
                    <td className="muted nowrap">{formatAgo(subscriber.createdAt, now)}</td>
                    <td className="right">
                      <button
                        type="button"
                        className="icon-btn icon-btn-danger"
                        aria-label={`Remove ${subscriber.address}`}
                        onClick={() => void remove(subscriber)}
                      >
                        <Trash2 size={14} />
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function AddSubscriber({ slug, emailOn }: { slug: string; emailOn: boolean }) {
  const addPageSubscriber = useAppStore((s) => s.addPageSubscriber);
  const toast = useAppStore((s) => s.toast);
  const [kind, setKind] = useState<'email' | 'webhook'>(emailOn ? 'email' : 'webhook');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const value = address.trim();
    const result = await addPageSubscriber(
      slug,
      kind === 'email' ? { kind, email: value } : { kind, url: value },
    );
    setBusy(false);
    if (!result.ok) return setError(result.error.fields?.[0]?.message ?? result.error.message);
    setError(null);
    setAddress('');
    setSecret(result.value.secret ?? null);
    toast(
      'success',
      kind === 'email' ? `Sent a confirmation link to ${value}` : 'Webhook subscribed',
      kind === 'email' ? 'Updates start once the link is followed.' : undefined,
    );
  };

  return (
    <form className="card form-section" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="section-title">Add a subscriber</h2>
      <div className="subscriber-form">
        <Segmented
          label="Subscriber kind"
          options={[
            { value: 'email', label: 'Email' },
            { value: 'webhook', label: 'Webhook' },
          ]}
          value={kind}
          onChange={(next) => {
            setKind(next);
            setError(null);
          }}
        />
        <input
          className={`input${error !== null ? ' invalid' : ''}`}
          aria-label={kind === 'email' ? 'Email address' : 'Webhook URL'}
          value={address}
          placeholder={kind === 'email' ? 'ops@acme.example' : 'https://hooks.acme.example/status'}
          onChange={(event) => setAddress(event.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={busy || address.trim() === ''}>
          {busy ? 'Adding…' : 'Add'}
        </button>
      </div>
      <div className={error !== null ? 'field-error' : 'field-hint'}>
        {error ??
          (kind === 'email'
            ? emailOn
              ? 'They receive a link to confirm first'
              : 'Choose an email channel in the design tab for email subscriptions to be sent'
            : 'Receives each update as signed JSON')}
      </div>
      {secret !== null && (
        <div className="inline-alert inline-alert-info webhook-secret" role="status">
          <div>
            <strong>The webhook's signing secret, shown this once.</strong> Check each delivery's signature
            with it on the receiving side.
            <CopyBlock text={secret} label="signing secret" />
          </div>
        </div>
      )}
    </form>
  );
}
