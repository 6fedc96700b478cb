import { generate } from 'selfsigned';

/** A PEM key and certificate. */
export interface TestCertificate {
  key: string;
  cert: string;
}

/** Options of {@link createTestCertificate}. */
export interface TestCertificateOptions {
  /** When it stops being valid; default one year from now. */
  notAfter?: Date;
  /** When it starts being valid; default one day ago (or 30 days before an earlier `notAfter`). */
  notBefore?: Date;
  /** The CA that signs it; self-signed when absent. */
  ca?: TestCertificate;
  /** DNS names it covers, besides 127.0.0.1 and ::1; default `localhost`. */
  dnsNames?: string[];
  /** Issuer organisation written into a CA certificate. */
  organization?: string;
}

const DAY_MS = 86_400_000;

/** Creates a CA whose certificates tests can trust through `createTlsContextCache({ extraCa })`. */
export async function createTestCa(organization = 'Vantage Test CA'): Promise<TestCertificate> {
  const pems = await generate(
    [
      { name: 'commonName', value: 'Vantage Test Root' },
      { name: 'organizationName', value: organization },
    ],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - DAY_MS),
      notAfterDate: new Date(Date.now() + 365 * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    },
  );
  return { key: pems.private, cert: pems.cert };
}

/**
 * Creates a server certificate for 127.0.0.1, ::1 and `localhost`: valid for a year, or
 * near expiry / expired through `notAfter`. EC keys keep generation fast.
 */
export async function createTestCertificate(options: TestCertificateOptions = {}): Promise<TestCertificate> {
  const notAfter = options.notAfter ?? new Date(Date.now() + 365 * DAY_MS);
  const notBefore = options.notBefore ?? new Date(Math.min(Date.now(), notAfter.getTime()) - 30 * DAY_MS);
  const dnsNames = options.dnsNames ?? ['localhost'];
  const pems = await generate([{ name: 'commonName', value: dnsNames[0] ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    ...(options.ca ? { ca: options.ca } : {}),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** A date `days` from now (negative for the past). */
export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * DAY_MS);
}
