import { formatFieldErrors, parseChannelConfig, testAlertMessage } from '@vantage/shared';
import type { ChannelContext, DeliveryOutcome } from './alert-channel.js';
import { deliverAlert } from './deliver-alert.js';

/**
 * The "send test" action: validates the settings as the user entered them and, if they are
 * valid, delivers a test alert. Bad settings come back as a permanent failure naming every bad
 * field (`webhookUrl: must be an http:// or https:// URL ...`) without contacting anyone.
 */
export async function sendTest(input: unknown, ctx: ChannelContext): Promise<DeliveryOutcome> {
  const parsed = parseChannelConfig(input);
  if (!parsed.ok)
    return { ok: false, permanent: true, error: `invalid settings: ${formatFieldErrors(parsed.error)}` };
  return deliverAlert(testAlertMessage({ at: ctx.now(), channelName: parsed.value.name }), parsed.value, ctx);
}
