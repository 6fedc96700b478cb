import type { ImportOutcomeView } from '../../contract/index.js';

/** The file name an export is saved under: `vantage-config-2024-03-04.yaml`. */
export function exportFileName(format: 'json' | 'yaml', now: number): string {
  return `vantage-config-${new Date(now).toISOString().slice(0, 10)}.${format}`;
}

/** The format a file's name says it holds, or undefined to let the core tell from its content. */
export function formatOfFile(name: string): 'json' | 'yaml' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/** What an import did, in one sentence. */
export function describeImport(outcome: ImportOutcomeView): string {
  const parts = [
    outcome.created > 0 ? `${outcome.created} created` : '',
    outcome.updated > 0 ? `${outcome.updated} updated` : '',
    outcome.deleted > 0 ? `${outcome.deleted} deleted` : '',
    outcome.unchanged > 0 ? `${outcome.unchanged} unchanged` : '',
  ].filter((part) => part !== '');
  return parts.length === 0
    ? 'The file held no monitors; nothing changed.'
    : `Monitors: ${parts.join(', ')}.`;
}
