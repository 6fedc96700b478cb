import type { PhaseTimings } from '@vantage/shared';
import type { CheckFailure, CheckKind } from '../check-kind.js';
import type { CertificateFacts } from '../peer-certificate.js';
import { addPhases } from '../phase-sum.js';
import { exchangeHttp } from './http-exchange.js';
import { initialRequest, isRedirect, redirectRequest } from './http-request-spec.js';

function failure(error: string, phases: PhaseTimings, startedAt: number): CheckFailure {
  return { ok: false, error, phases, elapsedMs: performance.now() - startedAt };
}

/**
 * HTTP(S) check: one fresh connection per request, redirects followed up to `maxRedirects`
 * (0 reports the redirect response itself). Phases are summed over the hops, so they add up
 * to the total; the certificate reported is the last one an HTTPS hop presented.
 */
export const httpCheck: CheckKind<'http'> = {
  kind: 'http',
  async run(monitor, ctx) {
    const startedAt = performance.now();
    const phases: PhaseTimings = {};
    let spec = initialRequest(monitor);
    let certificate: CertificateFacts | undefined;
    for (let hop = 0; ; hop++) {
      const exchanged = await exchangeHttp(spec, ctx);
      if (!exchanged.ok) {
        addPhases(phases, exchanged.error.phases);
        return failure(exchanged.error.error, phases, startedAt);
      }
      const response = exchanged.value;
      addPhases(phases, response.phases);
      certificate = response.certificate ?? certificate;
      const location = response.headers.location;
      if (monitor.maxRedirects > 0 && isRedirect(response.status, location)) {
        if (hop >= monitor.maxRedirects) {
          return failure(`too many redirects (more than ${monitor.maxRedirects})`, phases, startedAt);
        }
        const next = redirectRequest(spec, response.status, location);
        if (typeof next === 'string') return failure(next, phases, startedAt);
        spec = next;
        continue;
      }
      const certExpiresInMs = certificate ? certificate.expiresAt - ctx.now() : undefined;
      return {
        ok: true,
        observation: {
          responseTimeMs: response.endedAt - startedAt,
          ...(phases.ttfbMs !== undefined ? { ttfbMs: phases.ttfbMs } : {}),
          status: response.status,
          headers: response.headers,
          body: response.body,
          ...(certExpiresInMs !== undefined ? { certExpiresInMs } : {}),
        },
        phases,
        statusCode: response.status,
        ...(certificate ? { certExpiresAt: certificate.expiresAt, certIssuer: certificate.issuer } : {}),
      };
    }
  },
};
