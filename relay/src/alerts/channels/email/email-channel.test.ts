import type { EmailChannelConfig } from '@vantage/shared';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { deliverAlert } from '../../deliver-alert.js';
import {
  channelConfig,
  groupedMessage,
  sampleMessage,
  sampleNotice,
  testContext,
} from '../../testing/alert-fixtures.js';
import {
  createSmtpCertificate,
  type PemPair,
  type SmtpStandInOptions,
  startSmtpStandIn,
} from '../../testing/smtp-stand-in.js';

const PASSWORD = 'correct-horse-battery';
let certificate: PemPair;
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  certificate = await createSmtpCertificate();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function smtp(options: Omit<SmtpStandInOptions, 'certificate'>) {
  const server = await startSmtpStandIn({ ...options, certificate });
  servers.push(server);
  return server;
}

function emailConfig(port: number, extra: Record<string, unknown> = {}): EmailChannelConfig {
  return channelConfig({
    kind: 'email',
    id: 'mail',
    name: 'Mail',
    host: '127.0.0.1',
    port,
    security: 'starttls',
    username: 'alerts',
    password: PASSWORD,
    from: 'Vantage <alerts@example.com>',
    to: ['oncall@example.com', 'boss@example.com'],
    caCertificate: certificate.cert,
    ...extra,
  });
}

/** The decoded body of one MIME part of a received message. */
function mimePart(raw: string, type: 'text/plain' | 'text/html'): string {
  const part = raw.split(/\r?\n--/).find((p) => new RegExp(`^Content-Type: ${type}`, 'im').test(p));
  if (part === undefined) throw new Error(`no ${type} part`);
  const body = part.slice(part.search(/\r?\n\r?\n/)).trim();
  if (/Content-Transfer-Encoding: base64/i.test(part)) return Buffer.from(body, 'base64').toString('utf8');
  if (!/Content-Transfer-Encoding: quoted-printable/i.test(part)) return body;
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('delivers over each kind of connection', () => {
  test.each([
    ['STARTTLS with a login', 'starttls', { users: { alerts: PASSWORD } }, {}, true],
    ['implicit TLS with a login', 'tls', { users: { alerts: PASSWORD } }, { security: 'tls' }, true],
    [
      'plain SMTP without a login',
      'none',
      {},
      { security: 'none', username: undefined, password: undefined },
      false,
    ],
  ] as const)('%s', async (_, security, serverOptions, extra, encrypted) => {
    const server = await smtp({ security, ...serverOptions });
    const outcome = await deliverAlert(sampleMessage(), emailConfig(server.port, extra), testContext());
    expect(outcome).toMatchObject({ ok: true, providerId: expect.stringMatching(/^<.+>$/) });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({
      from: 'alerts@example.com',
      to: ['oncall@example.com', 'boss@example.com'],
      secure: encrypted,
    });
  });
});

test('the email has the title as subject, a text part and an escaped HTML part with the ack link', async () => {
  const server = await smtp({ security: 'starttls', users: { alerts: PASSWORD } });
  const message = sampleMessage(sampleNotice({ monitorName: '<script>alert(1)</script>' }));
  await deliverAlert(message, emailConfig(server.port, { subjectPrefix: '[Vantage]' }), testContext());
  const { raw, user } = server.received[0]!;
  expect(user).toBe('alerts');
  expect(raw).toMatch(/^Subject: \[Vantage\] <script>alert\(1\)<\/script> is down$/m);
  expect(raw).toMatch(/Content-Type: multipart\/alternative/);
  const text = mimePart(raw, 'text/plain');
  expect(text).toContain('Cause: connect ECONNREFUSED 203.0.113.7:443');
  expect(text).toContain('Acknowledge: https://relay.example.com/ack/v1.token.sig');
  const html = mimePart(raw, 'text/html');
  expect(html).not.toContain('<script>');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; is down');
  expect(html).toContain('<a href="https://relay.example.com/ack/v1.token.sig"');
});

test('50 incidents arrive as one email listing every one', async () => {
  const server = await smtp({ security: 'starttls', users: { alerts: PASSWORD } });
  expect(await deliverAlert(groupedMessage(50), emailConfig(server.port), testContext())).toMatchObject({
    ok: true,
  });
  expect(server.received).toHaveLength(1);
  expect(server.received[0]!.raw).toMatch(/^Subject: 50 monitors are down$/m);
  const html = mimePart(server.received[0]!.raw, 'text/html');
  expect(html).toContain('Monitor 0 is down');
  expect(html).toContain('Monitor 49 is down');
});

describe('classifies failures so retries happen only when they can help', () => {
  test('a refused login is permanent, quotes the server and never the password', async () => {
    const server = await smtp({ security: 'starttls', users: { alerts: 'another-password' } });
    const outcome = await deliverAlert(sampleMessage(), emailConfig(server.port), testContext());
    expect(outcome).toMatchObject({ ok: false, permanent: true });
    if (outcome.ok) return;
    expect(outcome.error).toContain('535 Invalid username or password');
    expect(outcome.error).toContain('check username and password');
    expect(outcome.error).not.toContain(PASSWORD);
  });

  test.each([
    [451, 'Mailbox busy, try again later', false],
    [550, 'Relaying denied', true],
  ])('an SMTP %i reply is %s', async (code, text, permanent) => {
    const server = await smtp({
      security: 'starttls',
      users: { alerts: PASSWORD },
      refuseData: { code, message: text },
    });
    const outcome = await deliverAlert(sampleMessage(), emailConfig(server.port), testContext());
    expect(outcome).toMatchObject({
      ok: false,
      permanent,
      error: expect.stringContaining(`${code} ${text}`),
    });
  });

  test('a server certificate the relay does not trust is permanent and points at caCertificate', async () => {
    const server = await smtp({ security: 'starttls', users: { alerts: PASSWORD } });
    const outcome = await deliverAlert(
      sampleMessage(),
      emailConfig(server.port, { caCertificate: undefined }),
      testContext(),
    );
    expect(outcome).toMatchObject({
      ok: false,
      permanent: true,
      error: expect.stringContaining('caCertificate'),
    });
  });

  test('STARTTLS required but not offered is permanent: the password is never sent in clear', async () => {
    const server = await smtp({ security: 'none', users: { alerts: PASSWORD } });
    const outcome = await deliverAlert(sampleMessage(), emailConfig(server.port), testContext());
    expect(outcome).toMatchObject({
      ok: false,
      permanent: true,
      error: expect.stringContaining('check security and port'),
    });
    expect(server.received).toHaveLength(0);
  });

  test('an unreachable server is transient', async () => {
    const server = await smtp({ security: 'starttls' });
    const { port } = server;
    await servers.pop()!.close();
    const outcome = await deliverAlert(sampleMessage(), emailConfig(port), testContext());
    expect(outcome).toMatchObject({
      ok: false,
      permanent: false,
      error: expect.stringContaining('SMTP 127.0.0.1'),
    });
  });
});

test('implicit TLS against a STARTTLS port is permanent and says to check security and port', async () => {
  const server = await smtp({ security: 'starttls', users: { alerts: PASSWORD } });
  const outcome = await deliverAlert(
    sampleMessage(),
    emailConfig(server.port, { security: 'tls' }),
    testContext(),
  );
  expect(outcome).toEqual({
    ok: false,
    permanent: true,
    error: 'SMTP 127.0.0.1: the server does not speak TLS on this port (check security and port)',
  });
});
