import { parse as parseYaml } from 'yaml';
import { err, ok, type Result } from '../result.js';

/**
 * Parses the text of a YAML or JSON settings file (YAML 1.2 is a superset of JSON, so one parser
 * reads both) into a plain object. `source` names the file in the error, e.g.
 * `config file /etc/vantage.yaml is not valid YAML or JSON: …`. An empty file is no settings.
 */
export function parseConfigText(text: string, source: string): Result<Record<string, unknown>, string> {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    const firstLine = String((error as Error).message).split('\n')[0];
    return err(`config file ${source} is not valid YAML or JSON: ${firstLine}`);
  }
  if (parsed === null || parsed === undefined) return ok({});
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return err(`config file ${source} must hold an object of settings`);
  }
  return ok(parsed as Record<string, unknown>);
}
