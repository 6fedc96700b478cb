import { z } from 'zod';
import { channelCommonFields } from '../channel-fields.js';

const EmailAddress = z.email({ error: 'must be an email address, e.g. ops@example.com' }).max(254);

/** A sender as `ops@example.com` or `Vantage <ops@example.com>`. */
const Mailbox = z
  .string()
  .trim()
  .max(300)
  .refine((text) => EmailAddress.safeParse(/<([^<>]+)>$/.exec(text)?.[1] ?? text).success, {
    error: 'must be an email address, optionally with a name: Vantage <alerts@example.com>',
  });

/** How the SMTP connection is encrypted: implicit TLS (port 465), STARTTLS upgrade (587) or none (25). */
export const SmtpSecurity = z.enum(['tls', 'starttls', 'none']);
/** How the SMTP connection is encrypted. */
export type SmtpSecurity = z.infer<typeof SmtpSecurity>;

/** The port each security mode uses when none is given. */
export const SMTP_DEFAULT_PORTS: Readonly<Record<SmtpSecurity, number>> = {
  tls: 465,
  starttls: 587,
  none: 25,
};

/** Email over SMTP. */
export const EmailChannelConfig = z
  .object({
    kind: z.literal('email'),
    ...channelCommonFields,
    host: z.string().trim().min(1, 'must name the SMTP server, e.g. smtp.example.com').max(255),
    port: z.number().int().min(1).max(65535).optional(),
    security: SmtpSecurity.default('starttls'),
    username: z.string().max(256).optional(),
    password: z.string().max(1024).optional(),
    from: Mailbox,
    to: z.array(EmailAddress).min(1, 'must list at least one recipient').max(50),
    subjectPrefix: z.string().max(50).optional(),
    /** PEM of a private CA the SMTP server's certificate chains to; the system CAs are trusted too. */
    caCertificate: z
      .string()
      .max(20_000)
      .regex(/-----BEGIN CERTIFICATE-----/, 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)')
      .optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.password !== undefined && config.username === undefined)
      ctx.addIssue({ code: 'custom', path: ['username'], message: 'is required when a password is set' });
    if (config.username !== undefined && config.password === undefined)
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'is required when a username is set' });
    if (config.password !== undefined && config.security === 'none')
      ctx.addIssue({
        code: 'custom',
        path: ['security'],
        message: 'must be "tls" or "starttls" when a password is set, so it is never sent in clear text',
      });
  });
/** Email over SMTP. */
export type EmailChannelConfig = z.infer<typeof EmailChannelConfig>;
