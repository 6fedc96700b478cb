import {
  AlertMessage,
  type AlertNotice,
  type AlertNoticeKind,
  type ChannelConfig,
  parseChannelConfig,
} from '@vantage/shared';
import type { ChannelContext } from '../alert-channel.js';
import { createChannelContext } from '../channel-context.js';

/** The moment every fixture incident opened: 2024-05-01 12:00:00 UTC. */
export const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
/** When fixture messages are composed: twelve minutes after {@link T0}. */
export const NOW = T0 + 12 * 60_000;

/** A notice about the monitor "API", down from two regions. */
export function sampleNotice(overrides: Partial<AlertNotice> = {}): AlertNotice {
  return {
    kind: 'down',
    monitorId: 'api',
    monitorName: 'API',
    incidentId: 'api:1',
    target: 'https://api.example.com/health',
    cause: 'connect ECONNREFUSED 203.0.113.7:443',
    regions: ['eu-west', 'us-east'],
    openedAt: T0,
    ackUrl: 'https://relay.example.com/ack/v1.token.sig',
    openUrl: 'https://status.example.com/incidents/api-1',
    ...overrides,
  };
}

/** A message with the given notices (one down notice when none are given), composed at {@link NOW}. */
export function sampleMessage(...notices: AlertNotice[]): AlertMessage {
  return AlertMessage.parse({
    id: 'delivery-1',
    at: NOW,
    notices: notices.length > 0 ? notices : [sampleNotice()],
  });
}

/** A grouped message: `count` monitors changing at once, e.g. 50 down within a minute. */
export function groupedMessage(count: number, kind: AlertNoticeKind = 'down'): AlertMessage {
  return sampleMessage(
    ...Array.from({ length: count }, (_, i) =>
      sampleNotice({ kind, monitorId: `m${i}`, monitorName: `Monitor ${i}`, incidentId: `m${i}:1` }),
    ),
  );
}

/** A context with a short timeout and the fixture clock. */
export function testContext(timeoutMs = 5_000): ChannelContext {
  return createChannelContext({ timeoutMs, now: () => NOW });
}

/** Parses a channel config, failing the test on a bad fixture. */
export function channelConfig<C extends ChannelConfig = ChannelConfig>(input: unknown): C {
  const parsed = parseChannelConfig(input);
  if (!parsed.ok) throw new Error(`bad fixture: ${JSON.stringify(parsed.error)}`);
  return parsed.value as C;
}
