import type { FastifyRequest } from 'fastify';
import type { PageStore } from './page-store.js';

/** Where a set of public routes finds its page: `/s/<slug>/…`, or the Host of a custom domain. */
export type PageMode = 'path' | 'host';

/** The name of the route constraint that marks custom-domain routes. */
export const HOST_CONSTRAINT = 'statusPageHost';

/** A Host header as browsers send it for a named host: the name, optionally `:port`, nothing else. */
const PLAIN_HOST = /^([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::\d{1,5})?$/;

/**
 * The request's host name, lowercase, without port; empty unless the Host header is exactly a
 * host name with an optional numeric port (anything else names no custom domain).
 */
export function hostOf(request: { headers: { host?: string | undefined } }): string {
  const match = PLAIN_HOST.exec((request.headers.host ?? '').toLowerCase());
  return match?.[1] ?? '';
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
