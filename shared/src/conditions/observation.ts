/**
 * What one check observed, in the shape conditions are evaluated against. A probe fills the
 * fields its check kind produces; a condition on a field that is absent fails with a sentence
 * saying the value was not observed.
 */
export interface Observation {
  /** Total response time of the check in milliseconds. */
  responseTimeMs: number;
  /** Time to first byte in milliseconds (HTTP). */
  ttfbMs?: number;
  /** HTTP status code of the final response. */
  status?: number;
  /** Response headers with lower-case names. */
  headers?: Record<string, string>;
  /** Response body as text, cut at the probe's body limit. */
  body?: string;
  /** Milliseconds until the peer certificate expires (negative once expired). */
  certExpiresInMs?: number;
  /** DNS answers as strings (addresses, names, `10 mail.example.com` for MX, joined TXT chunks). */
  dnsAnswers?: string[];
  /** Whether a TCP connection was established. */
  connected?: boolean;
}
