import { escapeXml } from '../alerts/escape-markup.js';

/** Badge colours by meaning. */
export const BADGE_COLORS = {
  ok: '#2e9e5e',
  warn: '#d08700',
  bad: '#d93c41',
  info: '#3e63dd',
  none: '#8b8d98',
} as const;

/** A badge colour. */
export type BadgeColor = keyof typeof BADGE_COLORS;

// Verdana 11 px averages about 6.5 px per character; badges need not be exact, only not clipped.
const textWidth = (text: string) => Math.round(text.length * 6.5 + 12);

/** A flat two-part SVG badge (`label | value`) in the style READMEs use; both texts are escaped. */
export function renderBadge(label: string, value: string, color: BadgeColor): string {
  const lw = textWidth(label);
  const vw = textWidth(value);
  const w = lw + vw;
  const l = escapeXml(label);
  const v = escapeXml(value);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${l}: ${v}">` +
    `<title>${l}: ${v}</title><clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>` +
    `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${BADGE_COLORS[color]}"/></g>` +
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">` +
    `<text x="${lw / 2}" y="14">${l}</text><text x="${lw + vw / 2}" y="14">${v}</text></g></svg>`
  );
}
