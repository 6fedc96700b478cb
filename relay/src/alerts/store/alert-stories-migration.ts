import type { Migration } from '../../storage/sqlite/migrations.js';

/**
 * Schema step 5: what alerting remembers beyond incidents, and maintenance in the aggregates.
 * - `alert_stories`: a monitor's open degraded spell, so the degraded notice, a down incident
 *   that follows and the final recovery are told as one story (one id, one recovery).
 * - `alert_cert_notices`: each certificate-expiry threshold already announced per monitor and
 *   certificate (keyed by its expiry, so a renewed certificate starts over); kept across restarts.
 * - `daily_aggregates.maintenance`: results taken during a maintenance window, counted apart from
 *   up/degraded/down so status pages' uptime ignores planned work.
 */
export const ALERT_STORIES_MIGRATION: Migration = {
  version: 5,
  name: 'degraded stories, certificate notices, maintenance counts',
  up(db) {
    db.exec(`
      CREATE TABLE alert_stories (
        monitor_id TEXT PRIMARY KEY,
        data TEXT NOT NULL
      ) STRICT;
      CREATE TABLE alert_cert_notices (
        monitor_id TEXT NOT NULL,
        cert_expires_at INTEGER NOT NULL,
        threshold_days INTEGER NOT NULL,
        sent_at INTEGER NOT NULL,
        PRIMARY KEY (monitor_id, cert_expires_at, threshold_days)
      ) STRICT, WITHOUT ROWID;
      ALTER TABLE daily_aggregates ADD COLUMN maintenance INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
