import type { Migration } from '../../storage/sqlite/migrations.js';

/**
 * Schema step 2: alert settings and the durable outbox.
 * - `alert_config`: channels, rules, escalation policies, schedules and maintenance windows as
 *   validated JSON documents (one table, `kind` tells them apart).
 * - `alert_notices`: one incident change for one channel, written in the transaction that stores
 *   the incident change; grouped into a message when due.
 * - `alert_messages`: what a channel is sent, with its delivery state and lease.
 * - `alert_attempts`: every try, with the scrubbed provider answer.
 * - `alert_incidents`: escalation and reminder progress of each open incident.
 */
export const ALERT_MIGRATION: Migration = {
  version: 2,
  name: 'alert settings and outbox',
  up(db) {
    db.exec(`
      CREATE TABLE alert_config (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) STRICT;
      CREATE TABLE alert_notices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id TEXT NOT NULL,
        incident_id TEXT NOT NULL,
        notice TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        message_id INTEGER
      ) STRICT;
      CREATE INDEX alert_notices_unsent ON alert_notices (channel_id, id) WHERE message_id IS NULL;
      CREATE TABLE alert_messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
        message TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        next_attempt_at INTEGER,
        lease_until INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        delivered_at INTEGER,
        last_error TEXT
      ) STRICT;
      CREATE INDEX alert_messages_due ON alert_messages (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX alert_messages_by_channel ON alert_messages (channel_id, created_at);
      CREATE TABLE alert_attempts (
        message_id INTEGER NOT NULL,
        at INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT NOT NULL,
        duration_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX alert_attempts_by_message ON alert_attempts (message_id, at);
      CREATE TABLE alert_incidents (
        incident_id TEXT PRIMARY KEY,
        monitor_id TEXT NOT NULL,
        data TEXT NOT NULL,
        next_due_at INTEGER
      ) STRICT;
      CREATE INDEX alert_incidents_due ON alert_incidents (next_due_at) WHERE next_due_at IS NOT NULL;
    `);
  },
};
