import type { TwilioSmsChannelConfig } from '@vantage/shared';
import type { ChannelContext, DeliveryOutcome } from '../../alert-channel.js';
import { deliverHttp } from '../../deliver-http.js';
import { jsonField } from '../../http-outcome.js';

/** The account fields every Twilio channel shares. */
export type TwilioAccount = Pick<TwilioSmsChannelConfig, 'accountSid' | 'authToken' | 'apiBase'>;

/**
 * Creates a Message or a Call through Twilio's REST API: a form-encoded POST to
 * `/2010-04-01/Accounts/{AccountSid}/{Messages|Calls}.json` with HTTP basic auth AccountSid:AuthToken.
 * Twilio answers 201 with the new resource's `sid`, or a JSON error with `code` and `message`.
 */
export function createTwilioResource(
  ctx: ChannelContext,
  account: TwilioAccount,
  resource: 'Messages' | 'Calls',
  form: Record<string, string>,
): Promise<DeliveryOutcome> {
  const credentials = Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64');
  return deliverHttp(
    ctx,
    `${account.apiBase}/2010-04-01/Accounts/${account.accountSid}/${resource}.json`,
    {
      method: 'POST',
      headers: {
        authorization: `Basic ${credentials}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
    },
    {
      provider: 'Twilio',
      providerId: (body) => jsonField(body, 'sid'),
      hints: { 401: 'check accountSid and authToken', 404: 'check accountSid' },
    },
  );
}

/** The sender field: a Messaging Service SID picks the number itself, a phone number is `From`. */
export function senderField(from: string, prefix = ''): Record<string, string> {
  return from.startsWith('MG') ? { MessagingServiceSid: from } : { From: `${prefix}${from}` };
}
