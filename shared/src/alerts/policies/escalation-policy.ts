import { z } from 'zod';
import { ChannelId } from '../channel-fields.js';

/** Escalation policy ids: stable, URL-safe. */
export const PolicyId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1-64 letters, digits, "_" or "-"');

/** One step: when an incident is still unacknowledged `afterMinutes` after it opened, notify these channels. */
export const EscalationStep = z.object({
  afterMinutes: z.number().min(0).max(10_080),
  channels: z.array(ChannelId).min(1).max(50),
});
/** One escalation step. */
export type EscalationStep = z.infer<typeof EscalationStep>;

/**
 * What happens to an incident nobody acknowledges: ordered steps, optionally repeated (the
 * cycle restarts after the last step's delay), reminders every M minutes while it stays open and
 * unacknowledged, and a resolve message to every channel that was told.
 */
export const EscalationPolicy = z
  .object({
    id: PolicyId,
    name: z.string().trim().min(1).max(100),
    steps: z.array(EscalationStep).max(20).default([]),
    repeat: z.boolean().default(false),
    // Fractions of a minute are allowed so demos and tests can run with short delays.
    reminderEveryMinutes: z.number().positive().max(10_080).optional(),
    notifyResolve: z.boolean().default(true),
  })
  .refine((p) => p.steps.every((s, i) => i === 0 || s.afterMinutes > p.steps[i - 1]!.afterMinutes), {
    error: 'step delays must increase',
    path: ['steps'],
  })
  .refine((p) => !p.repeat || (p.steps.at(-1)?.afterMinutes ?? 0) > 0, {
    error: 'a repeating policy needs a last step with a delay above 0',
    path: ['repeat'],
  });
/** An escalation policy. */
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;
