import { readFileSync } from 'node:fs';

/** This relay's version, read from its package.json (two levels above both src/config/ and dist/config/). */
export const RELAY_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();
