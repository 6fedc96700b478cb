/**
 * `npm run bench`: runs every `<package>/bench/*.bench.ts` in turn and prints one table of
 * figures. Each bench module default-exports an async function returning rows. Pass names to
 * run a subset: `npm run bench -- conditions evaluator`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One line of the bench table. */
export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  /** What the value is compared against, e.g. `bare http.request loop`. */
  baseline?: string;
  baselineValue?: number;
  /** The target in words, e.g. `≥ 1,000,000/s`. */
  target?: string;
}

const root = new URL('..', import.meta.url).pathname;
const packages = ['shared', 'probe', 'relay', 'desktop'];
const filter = process.argv.slice(2);

const files = packages.flatMap((pkg) => {
  const dir = join(root, pkg, 'bench');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .sort()
      .map((f) => ({ pkg, name: f.replace(/\.bench\.ts$/, ''), path: join(dir, f) }));
  } catch {
    return [];
  }
});

const selected = filter.length
  ? files.filter((f) => filter.some((w) => f.name.includes(w) || f.pkg === w))
  : files;
const rows: Array<BenchRow & { bench: string }> = [];
for (const file of selected) {
  process.stderr.write(`running ${file.pkg}/${file.name} …\n`);
  const mod = (await import(pathToFileURL(file.path).href)) as { default: () => Promise<BenchRow[]> };
  for (const row of await mod.default()) rows.push({ ...row, bench: `${file.pkg}/${file.name}` });
}

const fmt = (n: number) =>
  Math.abs(n) >= 100
    ? Math.round(n).toLocaleString('en-US')
    : n.toLocaleString('en-US', { maximumFractionDigits: 3 });
const table = rows.map((r) => ({
  bench: r.bench,
  figure: r.figure,
  value: fmt(r.value),
  unit: r.unit,
  baseline: r.baseline
    ? `${r.baseline}${r.baselineValue !== undefined ? ` (${fmt(r.baselineValue)})` : ''}`
    : '',
  ratio: r.baselineValue ? (r.value / r.baselineValue).toFixed(2) : '',
  target: r.target ?? '',
}));
const cols = ['bench', 'figure', 'value', 'unit', 'baseline', 'ratio', 'target'] as const;
const widths = cols.map((c) => Math.max(c.length, ...table.map((t) => t[c].length)));
const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
console.log(line(cols));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const t of table) console.log(line(cols.map((c) => t[c])));
