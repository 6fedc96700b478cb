import type { FastifyRequest } from 'fastify';
import type { PageStore } from './page-store.js';

/** Where a set of public routes finds its page: `/s/<slug>/…`, or the Host of a custom domain. */
export type PageMode = 'path' | 'host';

/** The name of the route constraint that marks custom-domain routes. */
export const HOST_CONSTRAINT = 'statusPageHost';

/** The request's host name, lowercase, without port. */
export function hostOf(request: { headers: { host?: string | undefined } }): string {
  const host = (request.headers.host ?? '').toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** A located page: its slug and the path its links start with. */
export interface LocatedPage {
  slug: string;
  base: string;
}

/** The page a request addresses, if any (the page may still be unpublished: callers check). */
export function locatePage(
  request: FastifyRequest,
  mode: PageMode,
  pages: PageStore,
): LocatedPage | undefined {
  if (mode === 'host') {
    const slug = pages.slugForDomain(hostOf(request));
    return slug === undefined ? undefined : { slug, base: '' };
  }
  const slug = (request.params as { slug?: string }).slug ?? '';
  return { slug, base: `/s/${slug}` };
}
