import type { TokenRecord } from '../storage/relay-storage.js';

const COLUMNS = ['ID', 'NAME', 'ROLE', 'REGION', 'CREATED', 'LAST USED', 'REVOKED'] as const;

/** A plain-text table of tokens, one per line, with times in UTC; secrets are not in the records at all. */
export function formatTokenTable(records: readonly TokenRecord[]): string {
  const rows = records.map((token) => [
    token.id,
    token.name,
    token.role,
    token.region ?? '-',
    formatTime(token.createdAt),
    token.lastUsedAt === null ? 'never' : formatTime(token.lastUsedAt),
    token.revokedAt === null ? '-' : formatTime(token.revokedAt),
  ]);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(COLUMNS), ...rows.map(line)].join('\n')}\n`;
}

/** `2025-01-31 14:05Z`: minutes are enough to tell tokens apart, and UTC reads the same on every host. */
function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}
