import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopStoreError, StoreErrorCode } from '../store/index.js';
import { createDesktopCore } from './create-desktop-core.js';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('createDesktopCore on an unusable data dir', () => {
  it('refuses a damaged database with the store error naming the file, and starts no relay', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vantage-core-corrupt-'));
    const file = join(dir, 'vantage.db');
    writeFileSync(file, 'this is not a database '.repeat(200));
    const started = createDesktopCore({ dataDir: dir, shell: 'electron', logger: pino({ level: 'silent' }) });
    await expect(started).rejects.toBeInstanceOf(DesktopStoreError);
    await expect(started).rejects.toMatchObject({ code: StoreErrorCode.corrupt, path: file });
    expect(existsSync(join(dir, 'relay'))).toBe(false);
  });

  it('refuses options a shell got wrong, naming the option', async () => {
    await expect(
      createDesktopCore({ dataDir: '', shell: 'tui' as 'web', logger: pino({ level: 'silent' }) }),
    ).rejects.toThrow(/dataDir: must not be empty; shell: must be one of "electron", "web"/);
  });
});
