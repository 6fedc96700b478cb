// The few pages the web server writes itself, for a browser that cannot see the app yet. They are
// static text with no script and nothing from the request in them, so nothing needs escaping.

function page(title: string, paragraphs: readonly string[]): string {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Vantage</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1f2328; }
  code { background: #f0f2f4; padding: 0.1rem 0.3rem; border-radius: 4px; }
  @media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } code { background: #262c36; } }
</style>
</head>
<body>
<h1>${title}</h1>
${body}
</body>
</html>
`;
}

/** Shown (401) to a browser without a valid token: where to find the address that carries one. */
export const SIGN_IN_PAGE = page('Open Vantage from its address', [
  'This Vantage window needs the access token that was printed when the app started.',
  'Look in the terminal where you ran <code>npm start</code> or <code>vantage-desktop --headless</code> ' +
    'for a line like <code>http://127.0.0.1:7300/?token=…</code> and open that address. ' +
    'It signs this browser in and brings you back here.',
  'A new token is made each time the app starts, so an address from an earlier run no longer works.',
]);

/** Shown (503) when the renderer has not been built: how to build it. */
export const NOT_BUILT_PAGE = page("Vantage's interface is not built yet", [
  'The app is running and its API answers, but the web interface has not been built on this machine.',
  'Build it with <code>npx electron-vite build</code> in the <code>desktop</code> folder ' +
    '(<code>npm start</code> does this when it can), then start Vantage again.',
  'The API and its documentation are at <code>/api/docs</code> meanwhile.',
]);
