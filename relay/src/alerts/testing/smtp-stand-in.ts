import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A PEM key and certificate. */
export interface PemPair {
  key: string;
  cert: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost, trusted by passing `cert` as the channel's caCertificate. */
export async function createSmtpCertificate(): Promise<PemPair> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 86_400_000),
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** A message the stand-in accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** Whether the conversation was encrypted (implicit TLS or STARTTLS) when the message arrived. */
  secure: boolean;
  user?: string;
}

/** Options of {@link startSmtpStandIn}. */
export interface SmtpStandInOptions {
  security: 'tls' | 'starttls' | 'none';
  certificate?: PemPair;
  /** Accepted logins; without them AUTH is not offered. */
  users?: Record<string, string>;
  /** An SMTP reply that refuses every message, e.g. `{ code: 451, message: 'try later' }`. */
  refuseData?: { code: number; message: string };
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that records what it receives. */
export async function startSmtpStandIn(options: SmtpStandInOptions) {
  const received: ReceivedMail[] = [];
  const serverOptions: SMTPServerOptions = {
    secure: options.security === 'tls',
    ...(options.certificate ?? {}),
    logger: false,
    // Hiding STARTTLS is not enough: nodemailer's requireTLS tries it even when not advertised.
    disabledCommands: [
      ...(options.users === undefined ? ['AUTH'] : []),
      ...(options.security === 'none' ? ['STARTTLS'] : []),
    ],
    authOptional: options.users === undefined,
    onAuth(auth, _session, callback) {
      if (options.users?.[auth.username ?? ''] === auth.password)
        return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.refuseData !== undefined)
          return callback(
            Object.assign(new Error(options.refuseData.message), { responseCode: options.refuseData.code }),
          );
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  // Clients that give up mid-handshake are part of the tests; their socket errors are expected.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
