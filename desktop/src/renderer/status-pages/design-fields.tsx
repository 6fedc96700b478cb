import { ImagePlus, Laptop, Moon, Sun, X } from 'lucide-react';
import { useRef, useState } from 'react';
import { Segmented } from '../components/segmented.js';
import { bindPageText, type PageBinding, PageField } from './page-field.js';
import type { PageForm } from './page-form.js';
import { readLogo } from './page-logo.js';

/** Title, address, description, logo and homepage link. */
export function PageBasics({
  page,
  isNew,
  onTitle,
}: {
  page: PageBinding;
  isNew: boolean;
  onTitle: (title: string) => void;
}) {
  const { form } = page;
  const file = useRef<HTMLInputElement>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const pickLogo = async (chosen: File | undefined) => {
    if (chosen === undefined) return;
    const read = await readLogo(chosen);
    if (!read.ok) return setLogoError(read.error);
    setLogoError(null);
    page.change((current) => ({ ...current, logo: read.value }));
  };
  return (
    <section className="card form-section" aria-labelledby="page-basics-title">
      <h2 className="section-title" id="page-basics-title">
        Page
      </h2>
      <div className="form-grid">
        <PageField
          id="title"
          label="Title"
          error={page.error('title')}
          hint="Shown at the top of the page and in the browser tab"
        >
          <input
            id="page-title"
            className="input"
            value={form.title}
            placeholder="Acme status"
            onChange={(event) => onTitle(event.target.value)}
            onBlur={() => page.touch('title')}
            aria-invalid={page.error('title') !== undefined}
          />
        </PageField>
        <PageField
          id="slug"
          label="Address"
          error={page.error('slug')}
          hint={
            isNew
              ? 'Made from the title; you may change it until the page is saved'
              : 'Fixed once saved: links, badges and subscribers point at it'
          }
        >
          <div className="input-prefixed">
            <span className="input-prefix mono">/s/</span>
            <input
              id="page-slug"
              className="input mono"
              value={form.slug}
              readOnly={!isNew}
              placeholder="acme"
              onChange={(event) =>
                page.change((f) => ({ ...f, slug: event.target.value, slugTouched: true }))
              }
              onBlur={() => page.touch('slug')}
              aria-invalid={page.error('slug') !== undefined}
            />
          </div>
        </PageField>
        <PageField
          id="description"
          label="Description"
          error={page.error('description')}
          wide
          hint="A sentence under the title (optional)"
        >
          <textarea
            className="textarea"
            rows={2}
            {...bindPageText(page, 'description')}
            placeholder="Live status of the Acme API and dashboard"
          />
        </PageField>
        <PageField
          id="homepageUrl"
          label="Homepage link"
          error={page.error('homepageUrl')}
          hint="The title links back to your site (optional)"
        >
          <input
            className="input"
            {...bindPageText(page, 'homepageUrl')}
            placeholder="https://acme.example"
          />
        </PageField>
        <PageField
          id="logo"
          label="Logo"
          error={logoError ?? page.error('logo')}
          hint="PNG, JPEG, SVG or WebP, up to 256 KB"
        >
          <div className="logo-picker">
            {form.logo !== null ? (
              <img className="logo-preview" src={form.logo} alt="Logo preview" />
            ) : (
              <span className="logo-preview logo-empty">
                <ImagePlus size={16} />
              </span>
            )}
            <button type="button" className="btn btn-sm" onClick={() => file.current?.click()}>
              {form.logo === null ? 'Upload…' : 'Replace…'}
            </button>
            {form.logo !== null && (
              <button
                type="button"
                className="icon-btn"
                aria-label="Remove the logo"
                onClick={() => page.change((f) => ({ ...f, logo: null }))}
              >
                <X size={14} />
              </button>
            )}
            <input
              ref={file}
              id="page-logo"
              type="file"
              hidden
              accept="image/png,image/jpeg,image/svg+xml,image/webp"
              onChange={(event) => {
                void pickLogo(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </div>
        </PageField>
      </div>
    </section>
  );
}

const FIGURES: { key: keyof PageForm['figures']; label: string; hint: string }[] = [
  { key: 'uptime', label: 'Uptime', hint: 'The percentage over the range, per monitor' },
  { key: 'dailyBars', label: 'Daily bars', hint: 'One bar per day, coloured by its worst state' },
  { key: 'latency', label: 'Response time', hint: 'The current response time, per monitor' },
  { key: 'incidentHistory', label: 'Incident history', hint: 'Past incidents below the monitors' },
];

/** Which figures the page shows, over how many days, in which theme. */
export function PageDisplay({ page }: { page: PageBinding }) {
  const { form } = page;
  return (
    <section className="card form-section" aria-labelledby="page-display-title">
      <h2 className="section-title" id="page-display-title">
        Display
      </h2>
      <div className="figure-grid">
        {FIGURES.map((figure) => (
          <label key={figure.key} className="toggle-row">
            <input
              type="checkbox"
              className="switch"
              checked={form.figures[figure.key]}
              onChange={(event) =>
                page.change((f) => ({ ...f, figures: { ...f.figures, [figure.key]: event.target.checked } }))
              }
            />
            <span>
              <span className="toggle-label">{figure.label}</span>
              <span className="field-hint">{figure.hint}</span>
            </span>
          </label>
        ))}
      </div>
      <div className="form-grid">
        <PageField
          id="rangeDays"
          label="History shown"
          error={page.error('rangeDays')}
          hint="Days of bars and uptime: 7 to 365"
        >
          <div className="inline-form">
            <input className="input input-narrow" inputMode="numeric" {...bindPageText(page, 'rangeDays')} />
            <span className="muted">days</span>
          </div>
        </PageField>
        <div className="field">
          <span className="field-label">Theme</span>
          <Segmented
            label="Page theme"
            options={[
              {
                value: 'auto',
                label: (
                  <>
                    <Laptop size={13} /> Visitor's choice
                  </>
                ),
              },
              {
                value: 'light',
                label: (
                  <>
                    <Sun size={13} /> Light
                  </>
                ),
              },
              {
                value: 'dark',
                label: (
                  <>
                    <Moon size={13} /> Dark
                  </>
                ),
              },
            ]}
            value={form.theme}
            onChange={(theme) => page.change((f) => ({ ...f, theme }))}
          />
          <div className="field-hint">Visitor's choice follows their system setting</div>
        </div>
      </div>
    </section>
  );
}
