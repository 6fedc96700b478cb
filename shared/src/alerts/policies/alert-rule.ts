import { z } from 'zod';
import { ChannelId } from '../channel-fields.js';
import { PolicyId } from './escalation-policy.js';

/** Days before a certificate expires at which a `cert-expiry` notice goes out, by default. */
export const DEFAULT_CERT_EXPIRY_DAYS: readonly number[] = [14, 7, 3];

/**
 * Which incidents notify which channels. A rule matches a monitor by id or by any of its tags;
 * with neither, it matches every monitor. "N failures within M minutes" is the monitor's own
 * `failureWindow` (the evaluator applies it), so it is not repeated here.
 */
export const AlertRule = z.object({
  id: PolicyId,
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  monitorIds: z.array(z.string().min(1).max(64)).max(1000).default([]),
  tags: z.array(z.string().trim().min(1).max(50)).max(100).default([]),
  channels: z.array(ChannelId).max(50).default([]),
  on: z
    .object({
      down: z.boolean().default(true),
      degraded: z.boolean().default(false),
      recovered: z.boolean().default(true),
      certExpiry: z.boolean().default(true),
    })
    .prefault({}),
  certExpiryDays: z
    .array(z.number().int().min(1).max(365))
    .max(10)
    .default(() => [...DEFAULT_CERT_EXPIRY_DAYS]),
  escalationPolicyId: PolicyId.optional(),
});
/** Which incidents notify which channels. */
export type AlertRule = z.infer<typeof AlertRule>;

/** What a rule needs to know about a monitor to match it. */
export interface RuleSubject {
  id: string;
  tags: readonly string[];
}

/** Whether an enabled rule applies to a monitor. */
export function ruleMatches(rule: AlertRule, monitor: RuleSubject): boolean {
  if (!rule.enabled) return false;
  if (rule.monitorIds.length === 0 && rule.tags.length === 0) return true;
  return rule.monitorIds.includes(monitor.id) || rule.tags.some((tag) => monitor.tags.includes(tag));
}
