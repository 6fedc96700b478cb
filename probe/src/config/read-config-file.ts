import { readFileSync } from 'node:fs';
import { err, parseConfigText, type Result } from '@vantage/shared';

/** Reads a YAML or JSON config file into a plain object; the error names the file and the problem. */
export function readConfigFile(path: string): Result<Record<string, unknown>, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err(
      `cannot read config file ${path}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`,
    );
  }
  return parseConfigText(text, path);
}
