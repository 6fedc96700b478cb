import { MAX_LOGO_BYTES } from '@vantage/shared';

/** The image types a page logo may be (what the relay serves back at `/s/<slug>/logo`). */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/webp'] as const;

/** Why a chosen file cannot be a logo, or null when it can. */
export function logoProblem(file: { type: string; size: number }): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type))
    return 'The logo must be a PNG, JPEG, SVG or WebP image.';
  if (file.size > MAX_LOGO_BYTES)
    return `The logo is ${Math.ceil(file.size / 1024)} KB; at most ${MAX_LOGO_BYTES / 1024} KB fits on a page.`;
  return null;
}

/** Reads a chosen logo file as the data URL a page config embeds; an error sentence when it cannot be one. */
export async function readLogo(
  file: File,
): Promise<{ ok: true; value: string } | { ok: false; error: string }> {
  const problem = logoProblem(file);
  if (problem !== null) return { ok: false, error: problem };
  const dataUrl = await new Promise<string | null>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
  return dataUrl === null
    ? { ok: false, error: 'The file could not be read.' }
    : { ok: true, value: dataUrl };
}
