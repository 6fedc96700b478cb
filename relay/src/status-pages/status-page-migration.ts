import type { Migration } from '../storage/sqlite/migrations.js';

/**
 * Status pages (schema version 4): published designs with a stable opaque key per page and
 * monitor (badge URLs), written incidents, subscribers and their delivery queue.
 */
export const STATUS_PAGE_MIGRATION: Migration = {
  version: 4,
  name: 'status pages',
  up(db) {
    db.exec(`
      CREATE TABLE status_pages (
        slug TEXT PRIMARY KEY,
        config TEXT NOT NULL,
        custom_domain TEXT UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE status_page_keys (
        slug TEXT NOT NULL,
        monitor_id TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        PRIMARY KEY (slug, monitor_id)
      ) STRICT;
      CREATE TABLE page_incidents (
        id TEXT PRIMARY KEY,
        slug TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        resolved_at INTEGER,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX page_incidents_by_slug ON page_incidents (slug, created_at);
      CREATE TABLE page_subscribers (
        id TEXT PRIMARY KEY,
        slug TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
        address TEXT NOT NULL,
        secret TEXT,
        confirmed INTEGER NOT NULL DEFAULT 0,
        confirm_token TEXT NOT NULL UNIQUE,
        unsubscribe_token TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        UNIQUE (slug, kind, address)
      ) STRICT;
      CREATE TABLE page_deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        subscriber_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at INTEGER NOT NULL,
        last_error TEXT
      ) STRICT;
      CREATE INDEX page_deliveries_due ON page_deliveries (next_at);
    `);
  },
};
