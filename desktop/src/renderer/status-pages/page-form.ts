import { type PageMonitor, StatusPageConfig, type StatusPageConfigInput } from '@vantage/shared';
import type { z } from 'zod';
import { slugFromTitle } from './page-slug.js';

/** One section of the designer: a title and the monitors under it, in order. */
export interface SectionForm {
  /** A stable React key: sections move, and their inputs must move with them. */
  key: string;
  title: string;
  monitors: PageMonitor[];
}

/** The designer's state: a page's design as text fields, checked with shared's schema on every change. */
export interface PageForm {
  title: string;
  slug: string;
  /** Once the user typed a slug, the title no longer rewrites it. */
  slugTouched: boolean;
  description: string;
  logo: string | null;
  homepageUrl: string;
  sections: SectionForm[];
  figures: { uptime: boolean; dailyBars: boolean; latency: boolean; incidentHistory: boolean };
  rangeDays: string;
  customDomain: string;
  theme: 'light' | 'dark' | 'auto';
  /** '' when visitors cannot subscribe by email. */
  subscriberEmailChannelId: string;
  published: boolean;
}

/** Errors by the config's dotted path (`title`, `sections.0.monitors.1.label`). */
export type PageErrors = Record<string, string>;

let sectionCount = 0;
/** A new, empty section (its key unique in this window). */
export function newSection(title = ''): SectionForm {
  sectionCount += 1;
  return { key: `section-${sectionCount}`, title, monitors: [] };
}

/** The designer of a page not saved yet: one empty section, the relay's defaults for the rest. */
export function emptyPageForm(): PageForm {
  return {
    title: '',
    slug: '',
    slugTouched: false,
    description: '',
    logo: null,
    homepageUrl: '',
    sections: [newSection('Services')],
    figures: { uptime: true, dailyBars: true, latency: false, incidentHistory: true },
    rangeDays: '90',
    customDomain: '',
    theme: 'auto',
    subscriberEmailChannelId: '',
    published: true,
  };
}

/** The designer of a saved page. */
export function formFromConfig(config: StatusPageConfig): PageForm {
  return {
    title: config.title,
    slug: config.slug,
    slugTouched: true,
    description: config.description,
    logo: config.logo ?? null,
    homepageUrl: config.homepageUrl ?? '',
    sections: config.sections.map((section) => ({
      ...newSection(section.title),
      monitors: section.monitors.map((m) => ({ ...m })),
    })),
    figures: { ...config.figures },
    rangeDays: String(config.rangeDays),
    customDomain: config.customDomain ?? '',
    theme: config.theme,
    subscriberEmailChannelId: config.subscriberEmailChannelId ?? '',
    published: config.published,
  };
}

/** A title change: the slug follows the title until the user edits the slug. */
export function withTitle(form: PageForm, title: string): PageForm {
  return form.slugTouched ? { ...form, title } : { ...form, title, slug: slugFromTitle(title) };
}

/** The page config a form stands for, as the API takes it (blank optional fields left out). */
export function configFromForm(form: PageForm): StatusPageConfigInput {
  const text = form.rangeDays.trim();
  const optional = (key: string, value: string) => (value.trim() === '' ? {} : { [key]: value.trim() });
  return {
    slug: form.slug.trim(),
    title: form.title.trim(),
    description: form.description.trim(),
    ...(form.logo === null ? {} : { logo: form.logo }),
    ...optional('homepageUrl', form.homepageUrl),
    sections: form.sections.map((section) => ({
      title: section.title.trim(),
      monitors: section.monitors.map((m) => ({ ...m, label: m.label.trim() })),
    })),
    figures: { ...form.figures },
    rangeDays: /^\d+$/.test(text) ? Number(text) : Number.NaN,
    ...optional('customDomain', form.customDomain),
    theme: form.theme,
    ...optional('subscriberEmailChannelId', form.subscriberEmailChannelId),
    published: form.published,
  };
}

/** The outcome of checking a form with shared's `StatusPageConfig`, exactly as the relay will. */
export interface PageCheck {
  input: StatusPageConfigInput;
  /** The page as it would be saved, or null while a field is wrong. */
  config: StatusPageConfig | null;
  errors: PageErrors;
}

/** Checks a form; every message is keyed by its field's path, the first per path wins. */
export function checkPageForm(form: PageForm): PageCheck {
  const input = configFromForm(form);
  const parsed = StatusPageConfig.safeParse(input);
  if (parsed.success) return { input, config: parsed.data, errors: {} };
  const errors: PageErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= friendlyMessage(issue);
  return { input, config: null, errors };
}

/** Server errors (`{path, message}`) keyed like {@link checkPageForm}'s. */
export function errorsFromFields(fields: readonly { path: string; message: string }[]): PageErrors {
  const errors: PageErrors = {};
  for (const field of fields) errors[field.path] ??= field.message;
  return errors;
}

/** Whether the designer shows an error at `path` next to a field (the others go in the summary at the top). */
export function isPlacedPath(path: string): boolean {
  return /^(title|slug|description|logo|homepageUrl|rangeDays|customDomain|sections(\.\d+\.(title|monitors(\.\d+\.(label|monitorId))?))?)$/.test(
    path,
  );
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.');
  if (field === 'rangeDays') return 'must be a whole number of days from 7 to 365';
  if (field === 'homepageUrl') return 'must be an http:// or https:// address';
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1)
    return 'must not be empty';
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `must be at most ${issue.maximum} characters`;
  return issue.message;
}

/** `items` with the one at `index` moved by `delta` places (unchanged when it would leave the list). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  moved.splice(target, 0, item as T);
  return moved;
}

/** Adds a monitor to a section with its own name as the public label (the user may rename it). */
export function withMonitor(
  form: PageForm,
  sectionIndex: number,
  monitor: { id: string; name: string },
): PageForm {
  return {
    ...form,
    sections: form.sections.map((section, i) =>
      i === sectionIndex
        ? {
            ...section,
            monitors: [
              ...section.monitors,
              { monitorId: monitor.id, label: monitor.name.slice(0, 120), showTarget: false },
            ],
          }
        : section,
    ),
  };
}

/** The ids of the monitors already on the page. */
export function monitorsOnPage(form: PageForm): Set<string> {
  return new Set(form.sections.flatMap((section) => section.monitors.map((m) => m.monitorId)));
}
