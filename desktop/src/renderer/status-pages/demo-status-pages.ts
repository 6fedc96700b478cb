/** Calls the desktop's REST API (`/api/v1` + path) with its token, as the e2e harness's `WebApp.api` does. */
export type DemoApi = (method: string, path: string, body?: unknown) => Promise<unknown>;

/**
 * Designs the demo's status pages through the desktop API, for the screenshots: a published public
 * page over the demo fleet with a written incident and a subscriber, and an internal draft.
 */
export async function seedDemoStatusPages(api: DemoApi): Promise<void> {
  await api('PUT', '/status-pages/acme', {
    title: 'Acme status',
    description: 'Live status of the Acme API, website and payments.',
    homepageUrl: 'https://acme.example',
    sections: [
      {
        title: 'Platform',
        monitors: [
          { monitorId: 'public-api', label: 'Public API', showTarget: true },
          { monitorId: 'payments', label: 'Payments' },
          { monitorId: 'auth', label: 'Sign-in' },
        ],
      },
      {
        title: 'Website',
        monitors: [
          { monitorId: 'website', label: 'acme.example' },
          { monitorId: 'search', label: 'Search' },
        ],
      },
    ],
    figures: { uptime: true, dailyBars: true, latency: true, incidentHistory: true },
    rangeDays: 90,
    customDomain: 'status.acme.example',
    theme: 'auto',
    published: true,
  });
  const incident = (await api('POST', '/status-pages/acme/incidents', {
    title: 'Card payments failing',
    impact: 'major',
    monitorIds: ['payments'],
    message: 'Some card payments fail with an error. We are looking into it.',
  })) as { id: string };
  await api('POST', `/status-pages/acme/incidents/${incident.id}/updates`, {
    status: 'identified',
    message: 'An expired certificate at our card processor; a new one is being issued.',
  });
  await api('POST', '/status-pages/acme/subscribers', {
    subscriber: { kind: 'webhook', url: 'https://hooks.acme.example/status' },
  });
  await api('PUT', '/status-pages/internal', {
    title: 'Internal tools',
    sections: [{ title: '', monitors: [{ monitorId: 'postgres', label: 'Database' }] }],
    theme: 'dark',
    published: false,
  });
}
