import type { MonitorType } from '@vantage/shared';
import type { CheckKind } from './check-kind.js';
import { dnsCheck } from './dns/dns-check.js';
import { httpCheck } from './http/http-check.js';
import { tcpCheck } from './tcp/tcp-check.js';
import { tlsCheck } from './tls/tls-check.js';

/**
 * The one list of check kinds this probe runs, keyed by the monitor type each runs. `heartbeat`
 * is evaluated by the relay (the pings arrive there) and `browser` is not run by probes yet;
 * adding a kind is its folder plus a line here.
 */
const KINDS: { readonly [T in MonitorType]?: CheckKind<T> } = {
  http: httpCheck,
  tcp: tcpCheck,
  dns: dnsCheck,
  tls: tlsCheck,
};

/** Monitor types this probe can run, sent in its hello as capabilities. */
export const supportedKinds: readonly MonitorType[] = Object.freeze(Object.keys(KINDS) as MonitorType[]);

/** The check kind that runs monitors of this type; undefined when this probe cannot run it. */
export function checkKindFor<T extends MonitorType>(type: T): CheckKind<T> | undefined {
  return KINDS[type];
}
