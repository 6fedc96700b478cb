import type { EmailChannelChoice } from '../../contract/methods/status-page-methods.js';
import { bindPageText, type PageBinding, PageField } from './page-field.js';
import { dnsHint } from './page-snippets.js';

/** The custom domain (with the DNS record it needs) and the channel that mails subscribers. */
export function PageReach({
  page,
  pageUrl,
  channels,
}: {
  page: PageBinding;
  pageUrl: string | null;
  channels: EmailChannelChoice[] | null;
}) {
  const { form } = page;
  const hint = pageUrl === null ? null : dnsHint(form.customDomain, pageUrl);
  const chosenMissing =
    form.subscriberEmailChannelId !== '' &&
    channels !== null &&
    !channels.some((c) => c.id === form.subscriberEmailChannelId);
  return (
    <section className="card form-section" aria-labelledby="page-reach-title">
      <h2 className="section-title" id="page-reach-title">
        Domain and subscriptions
      </h2>
      <div className="form-grid">
        <PageField
          id="customDomain"
          label="Custom domain"
          error={page.error('customDomain')}
          hint="Serves the page at the root of your own host name (optional)"
        >
          <input
            className="input mono"
            {...bindPageText(page, 'customDomain')}
            placeholder="status.acme.example"
          />
        </PageField>
        <PageField
          id="subscriberEmailChannelId"
          label="Email subscriptions"
          error={chosenMissing ? 'This channel no longer exists on the relay' : undefined}
          hint={
            channels !== null && channels.length === 0
              ? 'Add an email alert channel on the relay to let visitors subscribe by email'
              : "Visitors confirm by a link; updates go out through this channel's SMTP server"
          }
        >
          <select
            id="page-subscriberEmailChannelId"
            className="select"
            value={form.subscriberEmailChannelId}
            onChange={(event) => page.change((f) => ({ ...f, subscriberEmailChannelId: event.target.value }))}
          >
            <option value="">Off: webhooks only</option>
            {(channels ?? []).map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
                {channel.enabled ? '' : ' (disabled)'}
              </option>
            ))}
            {chosenMissing && (
              <option value={form.subscriberEmailChannelId}>{form.subscriberEmailChannelId}</option>
            )}
          </select>
        </PageField>
      </div>
      {hint !== null && page.error('customDomain') === undefined && (
        <div
          className={`inline-alert ${hint.localOnly ? 'inline-alert-degraded' : 'inline-alert-info'} dns-hint`}
        >
          <div>
            In your DNS, add <code>{hint.type}</code> <code>{hint.name}</code> → <code>{hint.value}</code>.
            Requests for <code>{hint.name}</code> then reach the relay, which answers with this page.
            {hint.localOnly &&
              " The relay's public address is this computer's, so visitors cannot reach it yet: give the relay a public address (--public-url) or use a remote relay."}
          </div>
        </div>
      )}
    </section>
  );
}
