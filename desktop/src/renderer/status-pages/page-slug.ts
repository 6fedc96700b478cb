/** The longest slug the relay accepts (shared's `PageSlug`). */
const MAX_SLUG = 64;

/**
 * A page's address part from its title: lowercase ASCII letters and digits joined by single
 * dashes, accents dropped (`Café Status` → `cafe-status`), at most 64 characters; empty when the
 * title has no letter or digit at all.
 */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
}

/** The route segment of the designer for a page not saved yet (not a valid slug, so no page can take it). */
export const NEW_PAGE = '~new';
