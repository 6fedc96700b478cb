import { type AlertMessage, type ChannelConfig, scrubChannelSecrets } from '@vantage/shared';
import type { ChannelContext, DeliveryOutcome } from './alert-channel.js';
import { channelFor } from './channel-registry.js';

/**
 * Delivers one message through the channel its config names. The single way alerts leave the
 * relay, so two guarantees hold for every channel: whatever the outcome says has the config's
 * secrets scrubbed, and a channel that throws (a bug) yields a transient failure rather than
 * killing the delivery loop.
 */
export async function deliverAlert(
  message: AlertMessage,
  config: ChannelConfig,
  ctx: ChannelContext,
): Promise<DeliveryOutcome> {
  let outcome: DeliveryOutcome;
  try {
    outcome = await channelFor(config.kind).send(message, config, ctx);
  } catch (error) {
    outcome = {
      ok: false,
      permanent: false,
      error: `${config.kind} channel failed: ${(error as Error)?.message ?? String(error)}`,
    };
  }
  return outcome.ok
    ? { ...outcome, detail: scrubChannelSecrets(outcome.detail, config) }
    : { ...outcome, error: scrubChannelSecrets(outcome.error, config) };
}
