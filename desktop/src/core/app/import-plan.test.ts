import { type Monitor, validateMonitor } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import type { MonitorRecord } from '../store/index.js';
import { parseConfigDocument } from './config-document.js';
import { planImport } from './import-plan.js';

const monitor = (id: string, extra: Record<string, unknown> = {}): Monitor => {
  const checked = validateMonitor({ id, name: id, type: 'http', url: `https://${id}.example.com`, ...extra });
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  return checked.value;
};
const record = (m: Monitor): MonitorRecord => ({ monitor: m, revision: 1, createdAt: 0, updatedAt: 0 });
const current = [record(monitor('api')), record(monitor('web')), record(monitor('db'))];
let n = 0;
const newId = (name: string) => `${name}-${++n}`;

function plan(text: string, mode: 'merge' | 'replace' = 'merge') {
  const doc = parseConfigDocument(text);
  if (!doc.ok) throw new Error(doc.error.message);
  return planImport(doc.value, current, mode, newId);
}

describe('planImport', () => {
  it('sorts monitors into created, updated and unchanged, and merging keeps the rest', () => {
    const planned = plan(
      JSON.stringify({
        monitors: [
          { id: 'api', name: 'api', type: 'http', url: 'https://api.example.com' },
          { id: 'web', name: 'Website', type: 'http', url: 'https://web.example.com' },
          { id: 'new', name: 'new', type: 'tcp', host: 'db.example.com', port: 5432 },
        ],
      }),
    );
    expect(planned.ok && planned.value).toMatchObject({ created: 1, updated: 1, unchanged: 1, deletes: [] });
    expect(planned.ok && planned.value.upserts.map((m) => m.id)).toEqual(['web', 'new']);
  });

  it('replacing deletes the monitors the file does not hold', () => {
    const planned = plan(
      'monitors:\n  - { id: api, name: api, type: http, url: "https://api.example.com" }\n',
      'replace',
    );
    expect(planned.ok && planned.value).toMatchObject({ unchanged: 1, deletes: ['web', 'db'] });
  });

  it('gives monitors without an id one made from the name', () => {
    const planned = plan('[{ "name": "Mail", "type": "tcp", "host": "mail", "port": 25 }]');
    expect(planned.ok && planned.value.upserts[0]?.id).toMatch(/^Mail-\d+$/);
  });

  it('reports every bad monitor by position, so nothing is applied', () => {
    const planned = plan(
      JSON.stringify({
        monitors: [
          { id: 'ok', name: 'ok', type: 'http', url: 'https://ok.example.com' },
          { id: 'bad', name: 'bad', type: 'http', url: 'not a url' },
          { id: 'ok', name: 'again', type: 'http', url: 'https://again.example.com' },
          { id: 'orphan', name: 'orphan', type: 'http', url: 'https://o.example.com', parent: 'nobody' },
        ],
      }),
    );
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.error.map((e) => e.path)).toEqual(['monitors.1.url', 'monitors.2.id']);
    const second = plan(
      JSON.stringify({
        monitors: [{ id: 'orphan', name: 'o', type: 'http', url: 'https://o.example.com', parent: 'nobody' }],
      }),
    );
    expect(!second.ok && second.error).toEqual([
      { path: 'monitors.0.parent', message: 'there is no monitor "nobody"' },
    ]);
  });

  it('refuses parent cycles and orders parents before children', () => {
    const cycle = plan(
      JSON.stringify({
        monitors: [
          { id: 'a', name: 'a', type: 'http', url: 'https://a.example.com', parent: 'b' },
          { id: 'b', name: 'b', type: 'http', url: 'https://b.example.com', parent: 'a' },
        ],
      }),
    );
    expect(!cycle.ok && cycle.error.map((e) => e.path)).toEqual(['monitors.0.parent', 'monitors.1.parent']);
    const tree = plan(
      JSON.stringify({
        monitors: [
          { id: 'leaf', name: 'leaf', type: 'http', url: 'https://l.example.com', parent: 'mid' },
          { id: 'mid', name: 'mid', type: 'http', url: 'https://m.example.com', parent: 'api' },
          { id: 'root', name: 'root', type: 'http', url: 'https://r.example.com' },
        ],
      }),
    );
    expect(tree.ok && tree.value.upserts.map((m) => m.id)).toEqual(['root', 'mid', 'leaf']);
  });
});

describe('parseConfigDocument', () => {
  it.each([
    ['{"monitors": [', 'json', /not valid JSON/],
    ['monitors: [', 'yaml', /not valid YAML or JSON/],
    ['42', undefined, /must be an object/],
    ['{"vantage": 2}', undefined, /vantage: must be 1/],
    ['{"settings": {"remoteToken": "x"}}', undefined, /settings: has unknown field "remoteToken"/],
  ] as const)('refuses %s', (text, format, message) => {
    const parsed = parseConfigDocument(text, format);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.message).toMatch(message);
  });
});
