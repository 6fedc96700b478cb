import { rootCertificates } from 'node:tls';
import { type EmailChannelConfig, SMTP_DEFAULT_PORTS } from '@vantage/shared';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { type AlertChannel, type DeliveryOutcome, deliveryFailed } from '../../alert-channel.js';
import { renderEmail } from './email-templates.js';

/** Email over SMTP with nodemailer: implicit TLS, a required STARTTLS upgrade, or (without a password) plain. */
export const emailChannel: AlertChannel<'email'> = {
  kind: 'email',
  send: async (message, config, ctx) => {
    const transport = await smtpTransport(config, ctx.timeoutMs);
    try {
      const content = renderEmail(message, config);
      const info = await transport.sendMail({ from: config.from, to: config.to, ...content });
      const rejected =
        info.rejected.length > 0 ? `; refused for ${info.rejected.map(String).join(', ')}` : '';
      return {
        ok: true,
        providerId: info.messageId,
        detail: `${config.host} accepted the message for ${info.accepted.length} recipient(s)${rejected}`,
      };
    } catch (error) {
      return smtpFailure(error, config);
    } finally {
      transport.close();
    }
  },
};

/**
 * A nodemailer transport for a channel. nodemailer is loaded on the first mail, not at start: a
 * relay (and the desktop's embedded one) that never mails keeps its megabytes of code out of the heap.
 */
export async function smtpTransport(config: EmailChannelConfig, timeoutMs: number) {
  const { createTransport } = await import('nodemailer');
  return createTransport(smtpOptions(config, timeoutMs));
}

/** nodemailer's SMTP options for a channel. */
export function smtpOptions(config: EmailChannelConfig, timeoutMs: number): SMTPTransport.Options {
  return {
    host: config.host,
    port: config.port ?? SMTP_DEFAULT_PORTS[config.security],
    secure: config.security === 'tls',
    // Without requireTLS nodemailer would quietly send in clear text when STARTTLS is not offered.
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.username === undefined
      ? {}
      : { auth: { user: config.username, pass: config.password ?? '' } }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // A private CA is added to the system's, not put in their place.
    tls: {
      minVersion: 'TLSv1.2',
      ...(config.caCertificate === undefined ? {} : { ca: [...rootCertificates, config.caCertificate] }),
    },
  };
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/**
 * Classifies a failed send the SMTP way: 5xx replies and rejected logins are permanent, 4xx
 * replies ("try again later") and connection trouble are transient. A certificate the relay does
 * not trust, or a server without the STARTTLS the settings require, needs a settings change.
 */
function smtpFailure(error: unknown, config: EmailChannelConfig): DeliveryOutcome {
  const e = error as SmtpError;
  const message = e?.message ?? String(error);
  const response = e?.response?.trim();
  const said = response === undefined || message.includes(response) ? message : `${message}: ${response}`;
  const where = `SMTP ${config.host}`;
  if (e?.code === 'EAUTH')
    return deliveryFailed(`${where}: login refused: ${said} (check username and password)`, true);
  if (/certificate|self[- ]signed/i.test(said))
    return deliveryFailed(
      `${where}: TLS certificate not trusted: ${said} (set caCertificate for a private CA)`,
      true,
    );
  if (/wrong version number|packet length too long/i.test(said))
    return deliveryFailed(
      `${where}: the server does not speak TLS on this port (check security and port)`,
      true,
    );
  if (e?.code === 'ETLS') return deliveryFailed(`${where}: ${said} (check security and port)`, true);
  // Implicit TLS expected by the server while we wait for a plain greeting: maybe only slow.
  if (/greeting never received/i.test(said))
    return deliveryFailed(`${where}: ${said} (if this persists, check security and port)`, false);
  if (typeof e?.responseCode === 'number') return deliveryFailed(`${where}: ${said}`, e.responseCode >= 500);
  return deliveryFailed(`${where}: ${said}`, false);
}
