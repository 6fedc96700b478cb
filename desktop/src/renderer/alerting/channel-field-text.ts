import type { ChannelKind } from '@vantage/shared';

/** What a form shows for a field: its label, a hint under it and a placeholder. */
export interface FieldText {
  label?: string;
  hint?: string;
  placeholder?: string;
}

// Words for the fields of channel kinds; the fields themselves come from the schemas in shared/.
// Keys are `field` for every kind, or `kind.field` where one kind means something else.
const TEXT: Record<string, FieldText> = {
  webhookUrl: { label: 'Webhook URL', placeholder: 'https://…' },
  'slack.webhookUrl': { label: 'Incoming webhook URL', placeholder: 'https://hooks.slack.com/services/…' },
  'discord.webhookUrl': { label: 'Webhook URL', placeholder: 'https://discord.com/api/webhooks/…' },
  'teams.webhookUrl': {
    label: 'Workflow webhook URL',
    hint: 'From the workflow “When a Teams webhook request is received”',
  },
  username: { label: 'Username' },
  'discord.username': { label: 'Display name', hint: 'Overrides the webhook’s name' },
  host: { label: 'SMTP server', placeholder: 'smtp.example.com' },
  port: { label: 'Port', hint: 'Empty: 465 for TLS, 587 for STARTTLS, 25 for none' },
  security: { label: 'Encryption' },
  password: { label: 'Password' },
  from: { label: 'From', placeholder: 'Vantage <alerts@example.com>' },
  'email.to': { label: 'To', hint: 'One address per line', placeholder: 'oncall@example.com' },
  subjectPrefix: { label: 'Subject prefix', placeholder: '[vantage]' },
  caCertificate: {
    label: 'Private CA certificate',
    hint: 'PEM, when the server’s certificate is not publicly trusted',
  },
  botToken: { label: 'Bot token', hint: 'From @BotFather', placeholder: '123456:ABC-DEF…' },
  chatId: { label: 'Chat', hint: 'A numeric chat id or @channelname', placeholder: '-1001234567890' },
  messageThreadId: { label: 'Forum topic id' },
  silent: { label: 'Deliver without a sound' },
  apiBase: { label: 'API address', hint: 'Only for a self-hosted or regional endpoint' },
  url: { label: 'URL', hint: 'Receives a signed JSON POST', placeholder: 'https://bot.example.com/vantage' },
  secret: { label: 'Signing secret', hint: 'At least 16 characters; sent as X-Vantage-Signature' },
  headers: {
    label: 'Extra headers',
    hint: 'One “Name: value” per line',
    placeholder: 'Authorization: Bearer …',
  },
  routingKey: { label: 'Integration key', hint: 'Events API v2, 32 characters' },
  server: { label: 'Server', hint: 'ntfy.sh or your own server' },
  topic: { label: 'Topic', hint: 'On a public server the name is the password' },
  token: { label: 'Access token' },
  accountSid: { label: 'Account SID', placeholder: 'AC…' },
  authToken: { label: 'Auth token' },
  'twilio-sms.from': {
    label: 'From',
    hint: 'A Twilio number or a Messaging Service SID',
    placeholder: '+14155550100',
  },
  'twilio-whatsapp.from': {
    label: 'From',
    hint: 'A WhatsApp-enabled Twilio number',
    placeholder: '+14155550100',
  },
  'twilio-voice.from': { label: 'From', hint: 'A Twilio number', placeholder: '+14155550100' },
  to: { label: 'To', placeholder: '+14155550101' },
  contentSid: { label: 'Content template', hint: 'Needed outside the WhatsApp sandbox (HX…)' },
  voice: { label: 'Voice', placeholder: 'Polly.Joanna' },
  language: { label: 'Language', placeholder: 'en-US' },
};

/** The words for one field of a kind. */
export function fieldText(kind: ChannelKind, key: string): FieldText {
  return TEXT[`${kind}.${key}`] ?? TEXT[key] ?? {};
}

/** A label made from a field's key when none is written (`messageThreadId` → `Message thread id`). */
export function fieldLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
