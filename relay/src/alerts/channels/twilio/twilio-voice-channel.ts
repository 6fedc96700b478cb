import { type TwilioVoiceChannelConfig, truncateText } from '@vantage/shared';
import type { AlertChannel } from '../../alert-channel.js';
import { escapeXml } from '../../escape-markup.js';
import { createTwilioResource } from './twilio-api.js';
import { voiceScript } from './twilio-text.js';

// Even if every character were escaped to six, the TwiML stays under Twilio's 4000; and it is ~40 s of speech.
const MAX_SCRIPT = 600;

/** A phone call through Twilio's Calls API that reads the alert aloud twice, from inline TwiML. */
export const twilioVoiceChannel: AlertChannel<'twilio-voice'> = {
  kind: 'twilio-voice',
  send: (message, config, ctx) =>
    createTwilioResource(ctx, config, 'Calls', {
      To: config.to,
      From: config.from,
      Twiml: buildTwiml(voiceScript(message), config),
    }),
};

/** `<Response><Say>…</Say></Response>` with the script XML-escaped (Twilio takes up to 4000 characters, escaping included). */
export function buildTwiml(
  script: string,
  config: Pick<TwilioVoiceChannelConfig, 'voice' | 'language'>,
): string {
  const attributes = [
    'loop="2"',
    config.voice === undefined ? '' : `voice="${escapeXml(config.voice)}"`,
    config.language === undefined ? '' : `language="${escapeXml(config.language)}"`,
  ].filter((a) => a !== '');
  return `<Response><Say ${attributes.join(' ')}>${escapeXml(truncateText(script, MAX_SCRIPT))}</Say></Response>`;
}
