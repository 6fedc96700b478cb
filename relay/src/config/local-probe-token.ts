import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RelayStorage } from '../relay-context.js';
import { writeOwnerOnly } from './first-desktop-token.js';

/** Name of the file, inside the data dir, that keeps the in-process probe's token. */
export const LOCAL_PROBE_TOKEN_FILE = 'local-probe-token';

/**
 * The token of the probe that runs in the same process as an embedded relay. It is created once
 * (a probe token for `region`, named `local-probe`), kept in `<dataDir>/local-probe-token` with
 * mode 0600 and reused on every start while it still verifies, so restarts do not pile up tokens.
 */
export function ensureLocalProbeToken(
  storage: RelayStorage,
  dataDir: string,
  region: string,
  now: number,
): string {
  const path = join(dataDir, LOCAL_PROBE_TOKEN_FILE);
  if (existsSync(path)) {
    const saved = readFileSync(path, 'utf8').trim();
    const record = storage.tokens.verify(saved, now);
    if (record?.role === 'probe' && record.region === region) return saved;
  }
  const { token } = storage.tokens.create({ name: 'local-probe', role: 'probe', region }, now);
  writeOwnerOnly(path, `${token}\n`);
  return token;
}
