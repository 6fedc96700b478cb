import { ErrorCode, err, Incident, ok, type Result } from '@vantage/shared';
import { z } from 'zod';
import { type ApiError, apiError, DesktopErrorCode } from '../../contract/index.js';

const IncidentList = z.object({ incidents: z.array(Incident) });

/** The error body every relay 4xx/5xx answer carries (relay/src/api/api-error.ts). */
const RelayErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const ApiErrorCodes = [...Object.values(ErrorCode), ...Object.values(DesktopErrorCode)];

/** An HTTP verb the relay's REST API uses. */
export type RelayVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The few reads the sync makes over the relay's REST API (`/api/v1`), with the desktop's token as
 * a bearer token: what the WebSocket protocol has no request for, such as resolved incidents.
 */
export class RelayRest {
  constructor(
    private readonly httpUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** A monitor's incidents, newest first, open and resolved. */
  async incidents(monitorId: string, limit = 100): Promise<Result<Incident[], string>> {
    const query = new URLSearchParams({ monitorId, limit: String(limit) });
    const body = await this.#get(`/api/v1/incidents?${query}`);
    if (!body.ok) return body;
    const parsed = IncidentList.safeParse(body.value);
    return parsed.success
      ? ok(parsed.data.incidents)
      : err('the relay sent an incident list that does not validate');
  }

  /**
   * Any call to the relay's REST API (`path` under `/api/v1`, e.g. `/alert-channels`), answering the
   * parsed JSON body (null for 204). A relay error keeps its code, message and fields, so a bad
   * field named by the relay reaches the user as it was named; an unreachable relay or a timeout is
   * `relayUnavailable`.
   */
  async call(verb: RelayVerb, path: string, body?: unknown): Promise<Result<unknown, ApiError>> {
    const route = `${verb} /api/v1${path.split('?')[0]}`;
    let response: Response;
    try {
      response = await fetch(`${this.httpUrl}/api/v1${path}`, {
        method: verb,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return err(apiError(DesktopErrorCode.relayUnavailable, `${route} failed: ${(error as Error).message}`));
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    if (text !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    if (response.ok) return ok(json);
    const relayError = RelayErrorBody.safeParse(json);
    if (!relayError.success) {
      return err(apiError(ErrorCode.internal, `the relay answered HTTP ${response.status} to ${route}`));
    }
    const { code, message, details } = relayError.data;
    const known = (ApiErrorCodes as readonly string[]).includes(code)
      ? (code as ApiError['code'])
      : ErrorCode.internal;
    return err({ code: known, message, ...(details && details.length > 0 ? { fields: details } : {}) });
  }

  async #get(path: string): Promise<Result<unknown, string>> {
    try {
      const response = await fetch(`${this.httpUrl}${path}`, {
        headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) return err(`the relay answered HTTP ${response.status} to GET ${path.split('?')[0]}`);
      return ok(await response.json());
    } catch (error) {
      return err(`GET ${path.split('?')[0]} failed: ${(error as Error).message}`);
    }
  }
}
