import { readFileSync } from 'node:fs';

// Where desktop/package.json sits relative to this module: three levels up from src/core/app/ and
// dist/core/app/, one level up from the Electron bundle out/main/.
const CANDIDATES = ['../../../package.json', '../../package.json'];

/** This desktop's version, from its package.json. */
export const DESKTOP_VERSION: string = (() => {
  for (const candidate of CANDIDATES) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === '@vantage/desktop' && pkg.version !== undefined) return pkg.version;
    } catch {
      // Not at this place in this layout; try the next.
    }
  }
  return '0.0.0';
})();
