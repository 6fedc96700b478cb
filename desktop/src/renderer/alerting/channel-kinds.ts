import type { ChannelKind } from '@vantage/shared';
import {
  Bell,
  Hash,
  type LucideIcon,
  Mail,
  MessageCircle,
  MessageCircleMore,
  MessageSquareText,
  PhoneCall,
  Send,
  Siren,
  Users,
  Webhook,
} from 'lucide-react';

/** How the app names and draws each kind of channel, and what it is for in one line. */
export const CHANNEL_KIND_INFO: {
  readonly [K in ChannelKind]: { label: string; icon: LucideIcon; blurb: string };
} = {
  email: { label: 'Email', icon: Mail, blurb: 'Through your SMTP server' },
  slack: { label: 'Slack', icon: Hash, blurb: 'An incoming webhook into a channel' },
  discord: { label: 'Discord', icon: MessageCircle, blurb: 'A channel webhook' },
  teams: { label: 'Microsoft Teams', icon: Users, blurb: 'A Workflows webhook' },
  telegram: { label: 'Telegram', icon: Send, blurb: 'A bot posting to a chat' },
  webhook: { label: 'Webhook', icon: Webhook, blurb: 'A signed JSON POST to any URL' },
  pagerduty: { label: 'PagerDuty', icon: Siren, blurb: 'Events API v2, resolves itself' },
  ntfy: { label: 'ntfy', icon: Bell, blurb: 'Push to your phone' },
  'twilio-sms': { label: 'SMS', icon: MessageSquareText, blurb: 'Text messages through Twilio' },
  'twilio-whatsapp': { label: 'WhatsApp', icon: MessageCircleMore, blurb: 'Messages through Twilio' },
  'twilio-voice': { label: 'Phone call', icon: PhoneCall, blurb: 'Twilio reads the alert aloud' },
};
