import { parseCondition } from '@vantage/shared';

/** One line of the condition editor and whether it parses. */
export interface ConditionLine {
  /** 1-based line number in the text. */
  line: number;
  text: string;
  /** Shared's parse error: where (0-based, within the line) and why. */
  error: { position: number; message: string } | null;
}

/** The non-blank lines of the condition editor, each parsed with shared's condition parser. */
export function checkConditionLines(text: string): ConditionLine[] {
  return text.split('\n').flatMap((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') return [];
    const parsed = parseCondition(trimmed);
    const error = parsed.ok ? null : { position: parsed.error.position, message: parsed.error.message };
    return [{ line: index + 1, text: trimmed, error }];
  });
}

/** The conditions a text holds, one per non-blank line, trimmed. */
export function conditionsFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Example conditions for the editor's hints, one per subject family. */
export const CONDITION_EXAMPLES = [
  'status == 200',
  'response_time < 500 else degraded',
  'body contains "ok"',
  'json $.status == "healthy"',
  'header content-type contains "json"',
  'cert_expires_in > 14d',
] as const;
