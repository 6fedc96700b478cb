import { z } from 'zod';
import { Timestamp } from '../../evaluator/status.js';
import { AlertMessage } from '../alert-message.js';

/** Where a message is in the outbox: waiting (or between retries), being sent, sent, or given up on. */
export const DeliveryStatus = z.enum(['pending', 'sending', 'delivered', 'failed']);
/** Where a message is in the outbox. */
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** One try at delivering a message; `error` is the provider's answer with every secret scrubbed. */
export const DeliveryAttempt = z.object({
  at: Timestamp,
  outcome: z.enum(['delivered', 'retry', 'failed', 'interrupted']),
  detail: z.string().max(2000),
  durationMs: z.number().int().nonnegative(),
});
/** One try at delivering a message. */
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

/** A message in the delivery log, as the desktop shows it. */
export const DeliveryRecord = z.object({
  id: z.string(),
  channelId: z.string(),
  status: DeliveryStatus,
  createdAt: Timestamp,
  nextAttemptAt: Timestamp.nullable(),
  deliveredAt: Timestamp.nullable(),
  lastError: z.string().nullable(),
  message: AlertMessage,
  attempts: z.array(DeliveryAttempt),
});
/** A message in the delivery log. */
export type DeliveryRecord = z.infer<typeof DeliveryRecord>;
