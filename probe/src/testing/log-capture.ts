import type { DestinationStream } from 'pino';
import { createLogger, type Logger } from '../logging/create-logger.js';

/** A probe logger whose JSON lines are kept in memory for assertions. */
export interface CapturedLogs {
  logger: Logger;
  /** Every line logged so far, parsed. */
  lines: Record<string, unknown>[];
  /** Every line logged so far, as written. */
  text(): string;
}

/** Creates a logger at `level` that writes into memory instead of stdout. */
export function captureLogs(level = 'info'): CapturedLogs {
  const raw: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const destination: DestinationStream = {
    write(line: string) {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  return { logger: createLogger(level, destination), lines, text: () => raw.join('') };
}
