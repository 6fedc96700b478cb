/** A value of a CSV cell: text, a number, or empty (null, undefined). */
export type CsvValue = string | number | null | undefined;

/**
 * One CSV field by RFC 4180: quoted when it holds a comma, a double quote, CR or LF (quotes
 * doubled), as is otherwise. A field a spreadsheet would run as a formula (starting with =, +, -,
 * @ followed by a non-digit) gets a leading apostrophe, so an exported monitor name cannot execute.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as RFC 4180 CSV text: fields joined with commas, records ended with CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
