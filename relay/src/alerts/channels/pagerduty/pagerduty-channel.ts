import type { AlertNoticeKind, PagerDutyChannelConfig } from '@vantage/shared';
import type { AlertChannel, ChannelContext, DeliveryOutcome } from '../../alert-channel.js';
import { deliverHttp } from '../../deliver-http.js';
import { jsonField } from '../../http-outcome.js';
import {
  buildPagerDutyEvent,
  type PagerDutyAction,
  type PagerDutyEvent,
  pagerDutyAction,
} from './pagerduty-event.js';

/**
 * PagerDuty through Events API v2, one event per incident even in a grouped message: the
 * incident id is each alert's dedup key, which is what lets a later acknowledge or resolve find
 * it (PagerDuty groups related alerts itself). Events go one at a time and stop at the first
 * failure; resending the whole group is safe because PagerDuty deduplicates by key. A test
 * triggers and then resolves its alert, so it leaves no open incident behind; see
 * {@link actionsFor} for certificate notices.
 */
export const pagerDutyChannel: AlertChannel<'pagerduty'> = {
  kind: 'pagerduty',
  send: async (message, config, ctx) => {
    const events = message.notices.flatMap((notice) =>
      actionsFor(notice.kind).map((action) => buildPagerDutyEvent(notice, message.at, config, action)),
    );
    let outcome: DeliveryOutcome = { ok: false, permanent: true, error: 'PagerDuty: nothing to send' };
    for (const event of events) {
      outcome = await sendEvent(event, config, ctx);
      if (!outcome.ok) return outcome;
    }
    return events.length === 1 || !outcome.ok
      ? outcome
      : { ok: true, detail: `PagerDuty accepted ${events.length} events (HTTP 202)` };
  },
};

/**
 * A test triggers then resolves. A certificate threshold resolves then triggers: PagerDuty folds a
 * trigger into an open alert of the same key without paging, so the 7-day notice would vanish into
 * the open 14-day alert; closing it first makes the nearer deadline page. A lost response makes the
 * retry page once more, which beats paging nobody.
 */
function actionsFor(kind: AlertNoticeKind): readonly PagerDutyAction[] {
  if (kind === 'test') return ['trigger', 'resolve'];
  if (kind === 'cert-expiry') return ['resolve', 'trigger'];
  return [pagerDutyAction(kind)];
}

function sendEvent(event: PagerDutyEvent, config: PagerDutyChannelConfig, ctx: ChannelContext) {
  return deliverHttp(
    ctx,
    `${config.apiBase}/v2/enqueue`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) },
    {
      provider: 'PagerDuty',
      providerId: (body) => jsonField(body, 'dedup_key'),
      hints: { 400: 'check routingKey: it must be an Events API v2 integration key' },
    },
  );
}
