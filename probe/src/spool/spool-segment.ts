import { readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { CheckResult } from '@vantage/shared';

const NAME_RE = /^seg-(\d{12})\.jsonl$/;

/** File name of the segment whose first result has `firstSeq`; zero-padded so names sort by sequence. */
export function segmentFileName(firstSeq: number): string {
  return `seg-${String(firstSeq).padStart(12, '0')}.jsonl`;
}

/** Segment files of a spool directory with their first sequence, oldest first. */
export function listSegments(dir: string): { path: string; firstSeq: number }[] {
  const found: { path: string; firstSeq: number }[] = [];
  for (const name of readdirSync(dir)) {
    const match = NAME_RE.exec(name);
    if (match) found.push({ path: join(dir, name), firstSeq: Number(match[1]) });
  }
  return found.sort((a, b) => a.firstSeq - b.firstSeq);
}

/** What scanning one segment found. */
export interface SegmentScan {
  /** Sequence of the last complete, parseable line; `firstSeq - 1` when there is none. */
  lastSeq: number;
  /** Size of the file after a torn tail was cut off. */
  bytes: number;
  /** Bytes of a torn last line that was cut off (a crash mid-write), 0 when the file was whole. */
  tornBytes: number;
}

/**
 * Finds a segment's last sequence and cuts off a torn last line. Lines are only ever appended,
 * so after a crash at most the final line can be incomplete; cutting it keeps the next append
 * from being glued onto garbage.
 */
export function scanSegment(path: string, firstSeq: number): SegmentScan {
  const buffer = readFileSync(path);
  const end = buffer.lastIndexOf(0x0a) + 1;
  const tornBytes = buffer.length - end;
  if (tornBytes > 0) truncateSync(path, end);
  const lines = buffer.subarray(0, end).toString('utf8').split('\n');
  let lastSeq = firstSeq - 1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const seq = seqOfLine(lines[i] ?? '');
    if (seq !== undefined) {
      lastSeq = seq;
      break;
    }
  }
  return { lastSeq, bytes: end, tornBytes };
}

/** Reads every valid result of a segment; `invalid` counts complete lines that failed to parse. */
export function readSegment(path: string): { results: CheckResult[]; invalid: number } {
  const results: CheckResult[] = [];
  let invalid = 0;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    // Dropped or acked concurrently: nothing left to read.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { results, invalid };
    throw error;
  }
  const lines = text.split('\n');
  // The last piece is empty for a whole file, or a torn line the scan will cut on the next open.
  lines.pop();
  for (const line of lines) {
    if (line === '') continue;
    const parsed = safeJson(line);
    const checked = parsed === undefined ? undefined : CheckResult.safeParse(parsed);
    if (checked?.success) results.push(checked.data);
    else invalid++;
  }
  return { results, invalid };
}

function seqOfLine(line: string): number | undefined {
  const parsed = safeJson(line) as { seq?: unknown } | undefined;
  return typeof parsed?.seq === 'number' && Number.isInteger(parsed.seq) ? parsed.seq : undefined;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
