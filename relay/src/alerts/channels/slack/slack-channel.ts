import type { AlertChannel } from '../../alert-channel.js';
import { deliverHttp } from '../../deliver-http.js';
import { buildSlackPayload } from './slack-payload.js';

const HINT = 'check webhookUrl: the webhook was removed, or its channel archived';

/** Slack through an incoming webhook, answering `ok` or an error word such as `no_service`. */
export const slackChannel: AlertChannel<'slack'> = {
  kind: 'slack',
  send: (message, config, ctx) =>
    deliverHttp(
      ctx,
      config.webhookUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(buildSlackPayload(message)),
      },
      { provider: 'Slack', hints: { 403: HINT, 404: HINT, 410: HINT } },
    ),
};
