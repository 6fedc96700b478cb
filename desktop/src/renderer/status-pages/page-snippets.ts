/** One published monitor's badge links, as the relay lists them for a page. */
export interface BadgeLinks {
  label: string;
  statusUrl: string;
  uptimeUrl: string;
  latencyUrl: string;
}

/** The badges a user can embed. */
export type BadgeKind = 'status' | 'uptime' | 'latency';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeMarkdown = (text: string) => text.replace(/([\\[\]])/g, '\\$1');

/** A badge as a Markdown image and as HTML, each linking to the status page. */
export function badgeSnippets(
  badge: BadgeLinks,
  kind: BadgeKind,
  pageUrl: string,
): { markdown: string; html: string } {
  const src = kind === 'status' ? badge.statusUrl : kind === 'uptime' ? badge.uptimeUrl : badge.latencyUrl;
  const alt = `${badge.label} ${kind}`;
  return {
    markdown: `[![${escapeMarkdown(alt)}](${src})](${pageUrl})`,
    html: `<a href="${escapeHtml(pageUrl)}"><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"></a>`,
  };
}

/** What to put in DNS so that `domain` serves the page: a CNAME to the relay's host, or an A/AAAA record to its address. */
export interface DnsHint {
  type: 'CNAME' | 'A' | 'AAAA';
  name: string;
  value: string;
  /** The relay's address is this computer's: visitors elsewhere cannot reach it. */
  localOnly: boolean;
}

/** The DNS record for a custom domain, from the page's public address on the relay; null while either is unusable. */
export function dnsHint(domain: string, pageUrl: string): DnsHint | null {
  const name = domain.trim().toLowerCase();
  if (name === '') return null;
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return null;
  }
  const bare = host.replace(/^\[|\]$/g, '');
  const type = /^\d+\.\d+\.\d+\.\d+$/.test(bare) ? 'A' : bare.includes(':') ? 'AAAA' : 'CNAME';
  const localOnly = bare === 'localhost' || bare.startsWith('127.') || bare === '::1';
  return { type, name, value: bare, localOnly };
}
