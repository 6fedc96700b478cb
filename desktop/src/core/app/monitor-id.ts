/** Longest slug kept from a name: with `-` and the suffix, an id stays within the 64 characters ids allow. */
const MAX_SLUG = 48;
const SUFFIX_LENGTH = 4;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The readable part of a generated id: the name lower-cased, accents dropped, other runs of characters as `-`. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'monitor' : slug;
}

/**
 * A new monitor id made from its name: the slug and a short random suffix (`public-api-k3x9`), so
 * two monitors named alike get different ids and an id never reveals creation order. Draws again
 * while `taken` says the id is in use.
 */
export function monitorIdFromName(
  name: string,
  taken: (id: string) => boolean,
  random: () => number,
): string {
  const slug = slugOf(name);
  for (;;) {
    let suffix = '';
    for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'x';
    const id = `${slug}-${suffix}`;
    if (!taken(id)) return id;
  }
}
