/**
 * The monitor the welcome screen's one field creates: an HTTP check of the address typed, named
 * after its host. A bare host (`example.com`) gets `https://` in front, as a browser would.
 */
export function quickMonitorInput(address: string): Record<string, unknown> {
  const trimmed = address.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || trimmed === '' ? trimmed : `https://${trimmed}`;
  let name = trimmed;
  try {
    name = new URL(url).hostname || trimmed;
  } catch {
    // Not a URL: validation names the field; the name is only a convenience.
  }
  return { type: 'http', name: name === '' ? 'My website' : name, url };
}
