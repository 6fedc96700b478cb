import type { AlertChannel } from '../../alert-channel.js';
import { deliverHttp } from '../../deliver-http.js';
import { buildTeamsPayload } from './teams-payload.js';

const HINT = 'check webhookUrl: the workflow was turned off or deleted';

/** Microsoft Teams through a Workflows webhook (202 Accepted) or a legacy incoming webhook (200). */
export const teamsChannel: AlertChannel<'teams'> = {
  kind: 'teams',
  send: (message, config, ctx) =>
    deliverHttp(
      ctx,
      config.webhookUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(buildTeamsPayload(message)),
      },
      { provider: 'Teams', hints: { 401: HINT, 403: HINT, 404: HINT } },
    ),
};
