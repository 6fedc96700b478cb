import type { ChannelConfigInput, ChannelKind } from './channel-config.js';

// A realistic example of every channel kind with every secret filled in: documentation the
// compiler and the tests keep honest (each must validate), and fixtures for redaction tests.

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'fedcba9876543210fedcba9876543210';

/** One valid, complete example per channel kind. */
export const CHANNEL_EXAMPLES: { readonly [K in ChannelKind]: Extract<ChannelConfigInput, { kind: K }> } = {
  email: {
    kind: 'email',
    id: 'oncall-mail',
    name: 'On-call mail',
    host: 'smtp.example.com',
    security: 'starttls',
    username: 'alerts@example.com',
    password: 'smtp-password-example',
    from: 'Vantage <alerts@example.com>',
    to: ['oncall@example.com'],
  },
  slack: {
    kind: 'slack',
    id: 'ops-slack',
    name: '#ops',
    webhookUrl: 'https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX',
  },
  discord: {
    kind: 'discord',
    id: 'ops-discord',
    name: 'Discord #status',
    webhookUrl: 'https://discord.com/api/webhooks/123456789/abcdefghijklmnop',
  },
  teams: {
    kind: 'teams',
    id: 'ops-teams',
    name: 'Teams Ops',
    webhookUrl:
      'https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=xyz123',
  },
  telegram: {
    kind: 'telegram',
    id: 'ops-telegram',
    name: 'Telegram Ops',
    botToken: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
    chatId: '-1001234567890',
  },
  webhook: {
    kind: 'webhook',
    id: 'ops-webhook',
    name: 'Incident bot',
    url: 'https://bot.example.com/vantage?key=url-key-example',
    secret: 'webhook-signing-secret-example',
    headers: { Authorization: 'Bearer receiver-token-example' },
  },
  pagerduty: {
    kind: 'pagerduty',
    id: 'pagerduty',
    name: 'PagerDuty',
    routingKey: 'R0123456789ABCDEFabcdef012345678',
  },
  ntfy: {
    kind: 'ntfy',
    id: 'phone-push',
    name: 'Phone',
    topic: 'vantage-private-topic',
    token: 'tk_ntfy-token-example',
  },
  'twilio-sms': {
    kind: 'twilio-sms',
    id: 'sms',
    name: 'SMS to on-call',
    accountSid: SID,
    authToken: TOKEN,
    from: '+14155550100',
    to: '+14155550101',
  },
  'twilio-whatsapp': {
    kind: 'twilio-whatsapp',
    id: 'whatsapp',
    name: 'WhatsApp to on-call',
    accountSid: SID,
    authToken: TOKEN,
    from: '+14155550100',
    to: '+14155550101',
  },
  'twilio-voice': {
    kind: 'twilio-voice',
    id: 'call',
    name: 'Call on-call',
    accountSid: SID,
    authToken: TOKEN,
    from: '+14155550100',
    to: '+14155550101',
  },
};
