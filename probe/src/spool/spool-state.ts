import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The spool's watermarks, persisted so that sequence numbers are never reused after a restart. */
export const SpoolState = z.object({
  /** Highest sequence the relay acknowledged. */
  ackedSeq: z.number().int().nonnegative(),
  /** Highest sequence dropped because the spool was full. */
  droppedSeq: z.number().int().nonnegative(),
  /** Highest sequence ever assigned. */
  highSeq: z.number().int().nonnegative(),
});
/** The spool's persisted watermarks. */
export type SpoolState = z.infer<typeof SpoolState>;

const FILE = 'spool-state.json';
const EMPTY: SpoolState = { ackedSeq: 0, droppedSeq: 0, highSeq: 0 };

/** Reads the state file; a missing file is a fresh spool, an unreadable one is reported. */
export function readSpoolState(dir: string): { state: SpoolState; problem?: string } {
  let text: string;
  try {
    text = readFileSync(join(dir, FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: EMPTY };
    throw error;
  }
  try {
    const parsed = SpoolState.safeParse(JSON.parse(text));
    if (parsed.success) return { state: parsed.data };
  } catch {
    // fall through: reported below, the segments still give the highest sequence
  }
  return { state: EMPTY, problem: 'spool state file is corrupt; watermarks rebuilt from segments' };
}

/** Writes the state atomically: a crash leaves either the old or the new file, never half of one. */
export async function writeSpoolState(dir: string, state: SpoolState): Promise<void> {
  const temp = join(dir, `${FILE}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(JSON.stringify(state));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(dir, FILE));
}

/** Synchronous twin of {@link writeSpoolState}, for the final write at close. */
export function writeSpoolStateSync(dir: string, state: SpoolState): void {
  const temp = join(dir, `${FILE}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    writeFileSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, join(dir, FILE));
}
