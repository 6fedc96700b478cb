/** Calls the desktop's REST API (`/api/v1` + path) with its token, as the e2e harness's `WebApp.api` does. */
export type DemoApi = (method: string, path: string, body?: unknown) => Promise<unknown>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pings the demo's nightly backup heartbeat at its relay URL, for the screenshots: a successful
 * run with its log, a failed one (exit code 2) and a successful one again, each timed from /start.
 */
export async function seedDemoHeartbeatRuns(api: DemoApi, monitorId = 'nightly-backup'): Promise<void> {
  let url = '';
  // The monitor reaches the relay a moment after it was created.
  for (let attempt = 0; url === '' && attempt < 60; attempt++) {
    try {
      url = ((await api('GET', `/heartbeats/${monitorId}`)) as { url: string }).url;
    } catch (error) {
      if (attempt === 59) throw error;
      await sleep(500);
    }
  }
  const run = async (rid: string, ms: number, code: number, log: string) => {
    await fetch(`${url}/start?rid=${rid}`, { method: 'POST' });
    await sleep(ms);
    await fetch(`${url}/${code}?rid=${rid}`, { method: 'POST', body: log });
  };
  await run('run-1', 1400, 0, 'dumped 3 databases (1.2 GB)\nuploaded to s3://backups/2026-11-22\ndone');
  await run('run-2', 600, 2, 'pg_dump: error: connection to server failed: FATAL: too many connections');
  await run('run-3', 1100, 0, 'dumped 3 databases (1.2 GB)\nuploaded to s3://backups/2026-11-23\ndone');
}
