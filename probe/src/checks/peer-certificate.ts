import type { PeerCertificate } from 'node:tls';
import { humanizeDuration } from '@vantage/shared';

/** What a check reports about the certificate the peer presented. */
export interface CertificateFacts {
  /** Epoch milliseconds of `notBefore`. */
  validFrom: number;
  /** Epoch milliseconds of `notAfter`. */
  expiresAt: number;
  /** Issuer organisation and common name, e.g. `Let's Encrypt (R11)`. */
  issuer: string;
  /** Names the certificate covers, e.g. `DNS:example.com, IP Address:127.0.0.1`. */
  altNames: string;
}

function field(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Reads the facts of a peer certificate; undefined when the peer sent none. */
export function certificateFacts(cert: PeerCertificate): CertificateFacts | undefined {
  if (!cert?.valid_to) return undefined;
  const org = field(cert.issuer?.O);
  const cn = field(cert.issuer?.CN);
  const issuer = org && cn && org !== cn ? `${org} (${cn})` : (org ?? cn ?? 'unknown issuer');
  return {
    validFrom: Date.parse(cert.valid_from),
    expiresAt: Date.parse(cert.valid_to),
    issuer,
    altNames: cert.subjectaltname ?? `CN:${field(cert.subject?.CN) ?? ''}`,
  };
}

/** OpenSSL verification codes, in the words a result message uses. */
const VERIFY_SENTENCES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS: self-signed certificate in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: certificate issuer is not trusted or the chain is incomplete',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS: certificate issuer is not trusted or the chain is incomplete',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS: certificate issuer is not trusted or the chain is incomplete',
  CERT_REVOKED: 'TLS: certificate revoked',
  CERT_SIGNATURE_FAILURE: 'TLS: certificate signature is invalid',
  CERT_UNTRUSTED: 'TLS: certificate is not trusted',
};

/**
 * Explains why a verified handshake failed. Dates come first because they are the most telling
 * and OpenSSL reports only one of several problems (an expired self-signed certificate may be
 * reported either way).
 */
export function describeVerifyFailure(
  code: string,
  cert: CertificateFacts | undefined,
  host: string,
  now: number,
): string {
  if (cert && cert.expiresAt <= now)
    return `certificate expired ${humanizeDuration(now - cert.expiresAt)} ago`;
  if (cert && cert.validFrom > now)
    return `certificate is not valid for another ${humanizeDuration(cert.validFrom - now)}`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `TLS: certificate does not match ${host} (it covers ${cert?.altNames ?? 'other names'})`;
  }
  return VERIFY_SENTENCES[code] ?? `TLS: certificate verification failed (${code})`;
}
