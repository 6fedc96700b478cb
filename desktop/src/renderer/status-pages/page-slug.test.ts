import { PageSlug } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { NEW_PAGE, slugFromTitle } from './page-slug.js';

describe('slugFromTitle', () => {
  it.each([
    ['Acme Status', 'acme-status'],
    ['  Café   Déjà Vu! ', 'cafe-deja-vu'],
    ['API / Payments (EU)', 'api-payments-eu'],
    ['--Already-dashed--', 'already-dashed'],
    ['2026 Outages', '2026-outages'],
    ['日本語', ''],
    ['', ''],
  ])('makes %j into %j', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it('keeps long titles within 64 characters without a trailing dash', () => {
    const slug = slugFromTitle(`${'a'.repeat(63)} b c`);
    expect(slug).toBe('a'.repeat(63));
    expect(slugFromTitle('word '.repeat(30)).length).toBeLessThanOrEqual(64);
    expect(slugFromTitle('word '.repeat(30))).not.toMatch(/-$/);
  });

  it('always makes a slug the relay accepts, or none', () => {
    for (const title of ['Acme Status', 'Ünïcödé Ltd.', 'x'.repeat(200), 'a - - b', '__init__']) {
      const slug = slugFromTitle(title);
      if (slug !== '') expect(PageSlug.safeParse(slug).success).toBe(true);
    }
  });

  it('reserves a designer address no page can take', () => {
    expect(PageSlug.safeParse(NEW_PAGE).success).toBe(false);
  });
});
