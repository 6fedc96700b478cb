/** A value of a CSV cell: text, a number, or empty (null, undefined). */
export type CsvValue = string | number | null | undefined;

/** A whole field that is a plain decimal number (`-12.5`, `+3`, `1e3`): safe despite a leading sign. */
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * One CSV field by RFC 4180: quoted when it holds a comma, a double quote, CR or LF (quotes
 * doubled), as is otherwise. A text field a spreadsheet would run as a formula (starting with =,
 * +, -, @, TAB or CR) gets a leading apostrophe and quotes, so an exported monitor name cannot
 * execute; only a field that is wholly a plain number keeps its sign, because `-2+3+cmd|...` starts
 * with a digit too and still runs.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text))
    return `"'${text.replaceAll('"', '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as RFC 4180 CSV text: fields joined with commas, records ended with CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
