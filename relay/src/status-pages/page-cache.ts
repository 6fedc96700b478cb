import { createHash } from 'node:crypto';
import type { PublicStatusPage } from '@vantage/shared';

/** A rendered body with its entity tag; the encoded forms are filled in on first use and kept. */
export interface Rendered {
  body: string | Buffer;
  etag: string;
  /** The body as bytes. */
  bytes?: Buffer;
  /** The body gzipped, for clients that accept it. */
  gzipped?: Buffer;
}

/** An entity tag for a body: the same bytes always give the same tag. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

interface Entry {
  model: PublicStatusPage;
  signature: string;
  builtAt: number;
  renders: Map<string, Rendered>;
}

/** What the cache builds from. */
export interface PageCacheDeps {
  /** The page's model, or undefined when it is unknown or unpublished. */
  build(slug: string): PublicStatusPage | undefined;
  /** A cheap fingerprint of the page's live inputs (monitor statuses); a change rebuilds at once. */
  signature(slug: string): string;
  /** How long a model may be reused for figures that move slowly (daily counts, maintenance ahead). */
  ttlMs: number;
  now(): number;
}

/**
 * Built page models and their renders (HTML per link base, JSON, feeds, badges), so a busy page
 * costs a fingerprint check per request instead of a database read and a render. An entry is
 * rebuilt when the statuses changed, when its writer invalidates it, or after `ttlMs`.
 */
export class PageCache {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly deps: PageCacheDeps) {}

  /** The current model, or undefined for an unknown or unpublished page. */
  model(slug: string): PublicStatusPage | undefined {
    return this.#entry(slug)?.model;
  }

  /** A render of the current model, made once per model and `variant` (e.g. `html:/s/acme`). */
  render(slug: string, variant: string, make: (model: PublicStatusPage) => string): Rendered | undefined {
    const entry = this.#entry(slug);
    if (entry === undefined) return undefined;
    let rendered = entry.renders.get(variant);
    if (rendered === undefined) {
      const body = make(entry.model);
      rendered = { body, etag: etagOf(body) };
      entry.renders.set(variant, rendered);
    }
    return rendered;
  }

  /** Drops a page's entry (its design, incidents or subscriptions changed). */
  invalidate(slug: string): void {
    this.#entries.delete(slug);
  }

  #entry(slug: string): Entry | undefined {
    const signature = this.deps.signature(slug);
    const cached = this.#entries.get(slug);
    const now = this.deps.now();
    if (cached !== undefined && cached.signature === signature && now - cached.builtAt < this.deps.ttlMs)
      return cached;
    const model = this.deps.build(slug);
    if (model === undefined) {
      this.#entries.delete(slug);
      return undefined;
    }
    const entry = { model, signature, builtAt: now, renders: new Map<string, Rendered>() };
    this.#entries.set(slug, entry);
    return entry;
  }
}
