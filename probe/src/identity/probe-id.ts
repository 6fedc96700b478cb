import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProbeId } from '@vantage/shared';

const FILE = 'probe-id';

/**
 * The probe's stable id: read from the data dir, or generated once (`<region>-<8 hex>`) and kept
 * there. Results are identified by probe id + sequence, so the id must survive restarts.
 */
export function readOrCreateProbeId(dataDir: string, region: string): string {
  const path = join(dataDir, FILE);
  try {
    const stored = readFileSync(path, 'utf8').trim();
    if (ProbeId.safeParse(stored).success) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const id = `${region}-${randomBytes(4).toString('hex')}`;
  writeFileSync(`${path}.tmp`, `${id}\n`);
  renameSync(`${path}.tmp`, path);
  return id;
}
