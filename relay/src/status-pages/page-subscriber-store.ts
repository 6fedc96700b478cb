import { randomBytes } from 'node:crypto';
import type { PageSubscriber, PageSubscribeInput } from '@vantage/shared';
import type Database from 'better-sqlite3';

/** A subscriber as stored: the full address, the webhook secret and the two link tokens. */
export interface SubscriberRecord {
  id: string;
  slug: string;
  kind: 'email' | 'webhook';
  /** The email address, or the full webhook URL. */
  address: string;
  secret: string | null;
  confirmed: boolean;
  confirmToken: string;
  unsubscribeToken: string;
  createdAt: number;
}

interface SubscriberRow {
  id: string;
  slug: string;
  kind: 'email' | 'webhook';
  address: string;
  secret: string | null;
  confirmed: number;
  confirm_token: string;
  unsubscribe_token: string;
  created_at: number;
}

const token = () => randomBytes(24).toString('base64url');
const addressOf = (input: PageSubscribeInput) =>
  input.kind === 'email' ? input.email.toLowerCase() : input.url;

function toRecord(row: SubscriberRow): SubscriberRecord {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    address: row.address,
    secret: row.secret,
    confirmed: row.confirmed === 1,
    confirmToken: row.confirm_token,
    unsubscribeToken: row.unsubscribe_token,
    createdAt: row.created_at,
  };
}

/** What the API shows of a subscriber: a webhook URL loses its query, which may carry a secret. */
export function publicSubscriber(record: SubscriberRecord): PageSubscriber {
  let address = record.address;
  if (record.kind === 'webhook') {
    const url = new URL(record.address);
    url.search = '';
    address = url.toString();
  }
  const { id, slug, kind, confirmed, createdAt } = record;
  return { id, slug, kind, address, confirmed, createdAt };
}

/** Subscribers in `page_subscribers`; email addresses are kept lowercase so one person subscribes once. */
export class PageSubscriberStore {
  constructor(private readonly db: Database.Database) {}

  /** A page's subscribers, oldest first. */
  list(slug: string): SubscriberRecord[] {
    return this.db
      .prepare<[string], SubscriberRow>(
        'SELECT * FROM page_subscribers WHERE slug = ? ORDER BY created_at, id',
      )
      .all(slug)
      .map(toRecord);
  }

  /** Confirmed subscribers of a page. */
  confirmedCount(slug: string): number {
    return this.db
      .prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM page_subscribers WHERE slug = ? AND confirmed = 1',
      )
      .get(slug)!.n;
  }

  /** Subscribers of a page still waiting for their confirmation link to be used. */
  unconfirmedCount(slug: string): number {
    return this.db
      .prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM page_subscribers WHERE slug = ? AND confirmed = 0',
      )
      .get(slug)!.n;
  }

  /** The subscriber of a page with the address of `input`, if any. */
  find(slug: string, input: PageSubscribeInput): SubscriberRecord | undefined {
    const row = this.db
      .prepare<[string, string, string], SubscriberRow>(
        'SELECT * FROM page_subscribers WHERE slug = ? AND kind = ? AND address = ?',
      )
      .get(slug, input.kind, addressOf(input));
    return row === undefined ? undefined : toRecord(row);
  }

  /** One subscriber by id. */
  get(id: string): SubscriberRecord | undefined {
    const row = this.db
      .prepare<[string], SubscriberRow>('SELECT * FROM page_subscribers WHERE id = ?')
      .get(id);
    return row === undefined ? undefined : toRecord(row);
  }

  /** The subscriber a confirmation or unsubscribe link names, on that page. */
  byToken(slug: string, which: 'confirm' | 'unsubscribe', value: string): SubscriberRecord | undefined {
    const column = which === 'confirm' ? 'confirm_token' : 'unsubscribe_token';
    const row = this.db
      .prepare<[string, string], SubscriberRow>(
        `SELECT * FROM page_subscribers WHERE slug = ? AND ${column} = ?`,
      )
      .get(slug, value);
    return row === undefined ? undefined : toRecord(row);
  }

  /**
   * Adds a subscriber, or returns the existing one for the same address (so subscribing twice
   * does not fail); `confirmed` marks it confirmed at once.
   */
  add(
    slug: string,
    input: PageSubscribeInput,
    confirmed: boolean,
    now: number,
  ): { record: SubscriberRecord; created: boolean } {
    const address = addressOf(input);
    const existing = this.find(slug, input);
    if (existing !== undefined) {
      if (confirmed && !existing.confirmed) this.confirm(existing.id);
      return { record: this.get(existing.id)!, created: false };
    }
    const record: SubscriberRecord = {
      id: `sub_${randomBytes(8).toString('hex')}`,
      slug,
      kind: input.kind,
      address,
      secret: input.kind === 'webhook' ? (input.secret ?? randomBytes(24).toString('base64url')) : null,
      confirmed,
      confirmToken: token(),
      unsubscribeToken: token(),
      createdAt: now,
    };
    this.db
      .prepare(
        `INSERT INTO page_subscribers (id, slug, kind, address, secret, confirmed, confirm_token, unsubscribe_token, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.id,
        slug,
        record.kind,
        address,
        record.secret,
        confirmed ? 1 : 0,
        record.confirmToken,
        record.unsubscribeToken,
        now,
      );
    return { record, created: true };
  }

  /** Marks a subscriber confirmed. */
  confirm(id: string): void {
    this.db.prepare('UPDATE page_subscribers SET confirmed = 1 WHERE id = ?').run(id);
  }

  /** Removes a subscriber and anything still queued for it; returns whether it existed. */
  delete(id: string): boolean {
    this.db.prepare('DELETE FROM page_deliveries WHERE subscriber_id = ?').run(id);
    return this.db.prepare('DELETE FROM page_subscribers WHERE id = ?').run(id).changes > 0;
  }

  /** Removes every subscriber of a page and their queued messages. */
  deleteAll(slug: string): void {
    this.db
      .prepare(
        'DELETE FROM page_deliveries WHERE subscriber_id IN (SELECT id FROM page_subscribers WHERE slug = ?)',
      )
      .run(slug);
    this.db.prepare('DELETE FROM page_subscribers WHERE slug = ?').run(slug);
  }
}
