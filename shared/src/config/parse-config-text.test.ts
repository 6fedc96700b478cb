import { describe, expect, it } from 'vitest';
import { parseConfigText } from './parse-config-text.js';

describe('parseConfigText', () => {
  it('reads YAML and JSON into the same settings', () => {
    expect(parseConfigText('port: 7400\nhost: 0.0.0.0\n', 'a.yaml')).toEqual({
      ok: true,
      value: { port: 7400, host: '0.0.0.0' },
    });
    expect(parseConfigText('{"port": 7400, "host": "0.0.0.0"}', 'a.json')).toEqual({
      ok: true,
      value: { port: 7400, host: '0.0.0.0' },
    });
  });

  it('treats an empty file as no settings', () => {
    expect(parseConfigText('', 'empty.yaml')).toEqual({ ok: true, value: {} });
  });

  it('names the file and the problem when the text is not a settings object', () => {
    const broken = parseConfigText('port: [7400', 'relay.yaml');
    expect(!broken.ok && broken.error).toMatch(/^config file relay\.yaml is not valid YAML or JSON: /);
    expect(parseConfigText('- 1\n- 2\n', 'list.yaml')).toEqual({
      ok: false,
      error: 'config file list.yaml must hold an object of settings',
    });
  });
});
