import { err, Incident, ok, type Result } from '@vantage/shared';
import { z } from 'zod';

const IncidentList = z.object({ incidents: z.array(Incident) });

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
