import { randomBytes } from 'node:crypto';
import { StatusPageConfig } from '@vantage/shared';
import type Database from 'better-sqlite3';

/** A stored page: its validated design and when it last changed. */
export interface StoredPage {
  config: StatusPageConfig;
  createdAt: number;
  updatedAt: number;
}

interface PageRow {
  slug: string;
  config: string;
  created_at: number;
  updated_at: number;
}

/**
 * Page designs in `status_pages`, cached in memory (every public request reads one, and a Host
 * lookup runs on every request), plus each page's opaque monitor keys, which outlive a monitor's
 * removal from the page so a badge URL keeps meaning the same monitor if it is added back.
 */
export class PageStore {
  readonly #pages = new Map<string, StoredPage>();
  readonly #byDomain = new Map<string, string>();
  readonly #keys = new Map<string, Map<string, string>>();

  constructor(private readonly db: Database.Database) {
    for (const row of db.prepare<[], PageRow>('SELECT * FROM status_pages').all()) {
      // A row a newer relay wrote in a shape this one does not know is left alone, not served.
      const parsed = StatusPageConfig.safeParse(JSON.parse(row.config));
      if (parsed.success)
        this.#remember({ config: parsed.data, createdAt: row.created_at, updatedAt: row.updated_at });
    }
    const keys = db
      .prepare<[], { slug: string; monitor_id: string; key: string }>('SELECT * FROM status_page_keys')
      .all();
    for (const row of keys) this.#keyMap(row.slug).set(row.monitor_id, row.key);
  }

  /** Every page, by slug. */
  list(): StoredPage[] {
    return [...this.#pages.values()].sort((a, b) => a.config.slug.localeCompare(b.config.slug));
  }

  /** One page, published or not. */
  get(slug: string): StoredPage | undefined {
    return this.#pages.get(slug);
  }

  /** The slug of the page served at a custom domain (lowercase host without port), if any. */
  slugForDomain(host: string): string | undefined {
    return this.#byDomain.get(host);
  }

  /** Which other page already claims a custom domain. */
  domainOwner(domain: string): string | undefined {
    return this.#byDomain.get(domain);
  }

  /** Saves a design and makes sure each of its monitors has a key; returns whether it was new. */
  put(config: StatusPageConfig, now: number): boolean {
    const existing = this.#pages.get(config.slug);
    const createdAt = existing?.createdAt ?? now;
    const insertKey = this.db.prepare(
      'INSERT OR IGNORE INTO status_page_keys (slug, monitor_id, key) VALUES (?, ?, ?)',
    );
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO status_pages (slug, config, custom_domain, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (slug) DO UPDATE SET config = excluded.config, custom_domain = excluded.custom_domain,
             updated_at = excluded.updated_at`,
        )
        .run(config.slug, JSON.stringify(config), config.customDomain ?? null, createdAt, now);
      const keys = this.#keyMap(config.slug);
      for (const section of config.sections)
        for (const { monitorId } of section.monitors) {
          if (keys.has(monitorId)) continue;
          const key = randomBytes(9).toString('base64url');
          insertKey.run(config.slug, monitorId, key);
          keys.set(monitorId, key);
        }
    })();
    if (existing?.config.customDomain !== undefined) this.#byDomain.delete(existing.config.customDomain);
    this.#remember({ config, createdAt, updatedAt: now });
    return existing === undefined;
  }

  /** Deletes a page and its keys; returns whether it existed. */
  delete(slug: string): boolean {
    const existing = this.#pages.get(slug);
    if (existing === undefined) return false;
    this.db.prepare('DELETE FROM status_pages WHERE slug = ?').run(slug);
    this.db.prepare('DELETE FROM status_page_keys WHERE slug = ?').run(slug);
    this.#pages.delete(slug);
    this.#keys.delete(slug);
    if (existing.config.customDomain !== undefined) this.#byDomain.delete(existing.config.customDomain);
    return true;
  }

  /** The opaque key of a monitor on a page. */
  keyOf(slug: string, monitorId: string): string | undefined {
    return this.#keys.get(slug)?.get(monitorId);
  }

  /** The published entry a badge key names, only while that monitor is on the page. */
  monitorForKey(slug: string, key: string): { monitorId: string; label: string } | undefined {
    const page = this.#pages.get(slug);
    if (page === undefined) return undefined;
    for (const section of page.config.sections)
      for (const m of section.monitors)
        if (this.keyOf(slug, m.monitorId) === key) return { monitorId: m.monitorId, label: m.label };
    return undefined;
  }

  #remember(page: StoredPage): void {
    this.#pages.set(page.config.slug, page);
    if (page.config.customDomain !== undefined)
      this.#byDomain.set(page.config.customDomain, page.config.slug);
  }

  #keyMap(slug: string): Map<string, string> {
    let keys = this.#keys.get(slug);
    if (keys === undefined) {
      keys = new Map();
      this.#keys.set(slug, keys);
    }
    return keys;
  }
}
