import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '@vantage/shared';
import { parse as parseYaml } from 'yaml';

// Same as probe/src/config/read-config-file.ts: shared/ must stay free of I/O, so each daemon
// keeps its copy; change both together.

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
  let parsed: unknown;
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both kinds of file.
    parsed = parseYaml(text);
  } catch (error) {
    const firstLine = String((error as Error).message).split('\n')[0];
    return err(`config file ${path} is not valid YAML or JSON: ${firstLine}`);
  }
  if (parsed === null || parsed === undefined) return ok({});
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return err(`config file ${path} must hold an object of settings`);
  }
  return ok(parsed as Record<string, unknown>);
}
