import { StatusPageConfig } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import {
  checkPageForm,
  configFromForm,
  emptyPageForm,
  errorsFromFields,
  formFromConfig,
  isPlacedPath,
  moveItem,
  type PageForm,
  withMonitor,
  withTitle,
} from './page-form.js';

function filled(): PageForm {
  let form = withTitle(emptyPageForm(), 'Acme Status');
  form = withMonitor(form, 0, { id: 'api', name: 'Public API' });
  form = withMonitor(form, 0, { id: 'web', name: 'Website' });
  return form;
}

describe('the status page form', () => {
  it('derives the slug from the title until the slug is edited', () => {
    let form = withTitle(emptyPageForm(), 'Acme Status');
    expect(form.slug).toBe('acme-status');
    form = { ...form, slug: 'acme', slugTouched: true };
    expect(withTitle(form, 'Acme Cloud Status').slug).toBe('acme');
  });

  it('labels an added monitor with its own name and keeps its target hidden', () => {
    const [section] = filled().sections;
    expect(section?.monitors).toEqual([
      { monitorId: 'api', label: 'Public API', showTarget: false },
      { monitorId: 'web', label: 'Website', showTarget: false },
    ]);
  });

  it('turns a filled form into a valid config with the defaults the issue asks for', () => {
    const checked = checkPageForm(filled());
    expect(checked.errors).toEqual({});
    expect(checked.config).toMatchObject({
      slug: 'acme-status',
      title: 'Acme Status',
      rangeDays: 90,
      theme: 'auto',
      published: true,
      figures: { uptime: true, dailyBars: true, latency: false, incidentHistory: true },
      sections: [{ title: 'Services', monitors: [{ monitorId: 'api' }, { monitorId: 'web' }] }],
    });
    expect(checked.input).not.toHaveProperty('homepageUrl');
    expect(checked.input).not.toHaveProperty('customDomain');
    expect(checked.input).not.toHaveProperty('subscriberEmailChannelId');
  });

  it('round-trips a saved config through the designer unchanged', () => {
    const config = StatusPageConfig.parse({
      slug: 'acme',
      title: 'Acme',
      description: 'Our services',
      homepageUrl: 'https://acme.example',
      sections: [
        { title: 'API', monitors: [{ monitorId: 'api', label: 'API', showTarget: true }] },
        { title: 'Web', monitors: [{ monitorId: 'web', label: 'Site' }] },
      ],
      figures: { uptime: true, dailyBars: false, latency: true, incidentHistory: false },
      rangeDays: 30,
      customDomain: 'status.acme.example',
      theme: 'dark',
      subscriberEmailChannelId: 'smtp',
      published: false,
    });
    expect(StatusPageConfig.parse(configFromForm(formFromConfig(config)))).toEqual(config);
  });

  it.each<[string, (form: PageForm) => PageForm, string, string]>([
    ['a blank title', (f) => ({ ...f, title: '  ' }), 'title', 'must not be empty'],
    [
      'a slug with capitals',
      (f) => ({ ...f, slug: 'Acme Status' }),
      'slug',
      'must be lowercase letters, digits and inner dashes',
    ],
    [
      'a range under a week',
      (f) => ({ ...f, rangeDays: '5' }),
      'rangeDays',
      'must be a whole number of days from 7 to 365',
    ],
    [
      'a range in words',
      (f) => ({ ...f, rangeDays: 'ninety' }),
      'rangeDays',
      'must be a whole number of days from 7 to 365',
    ],
    [
      'a homepage that is no URL',
      (f) => ({ ...f, homepageUrl: 'acme dot com' }),
      'homepageUrl',
      'must be an http:// or https:// address',
    ],
    [
      'a custom domain with a scheme',
      (f) => ({ ...f, customDomain: 'https://status.acme.example' }),
      'customDomain',
      'must be a host name such as status.example.com',
    ],
    ['no sections', (f) => ({ ...f, sections: [] }), 'sections', 'a page needs at least one section'],
    [
      'an empty section',
      (f) => ({ ...f, sections: [...f.sections, { key: 'x', title: 'Empty', monitors: [] }] }),
      'sections.1.monitors',
      'a section needs at least one monitor',
    ],
    [
      'a blank public label',
      (f) => ({
        ...f,
        sections: [{ ...f.sections[0]!, monitors: [{ monitorId: 'api', label: ' ', showTarget: false }] }],
      }),
      'sections.0.monitors.0.label',
      'must not be empty',
    ],
    [
      'a monitor listed twice',
      (f) => withMonitor(f, 0, { id: 'api', name: 'Again' }),
      'sections.0.monitors.2.monitorId',
      'is already on this page',
    ],
  ])('names the field for %s', (_what, change, path, message) => {
    const checked = checkPageForm(change(filled()));
    expect(checked.config).toBeNull();
    expect(checked.errors[path]).toBe(message);
    expect(isPlacedPath(path)).toBe(true);
  });

  it('keeps server errors by path and tells placed fields from the rest', () => {
    expect(
      errorsFromFields([
        { path: 'slug', message: 'is taken' },
        { path: 'slug', message: 'second' },
        { path: 'figures.uptime', message: 'odd' },
      ]),
    ).toEqual({ slug: 'is taken', 'figures.uptime': 'odd' });
    expect(isPlacedPath('figures.uptime')).toBe(false);
    expect(isPlacedPath('')).toBe(false);
  });

  it('moves sections and monitors within bounds only', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
