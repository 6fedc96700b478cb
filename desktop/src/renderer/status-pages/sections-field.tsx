import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import type { MonitorView } from '../../contract/index.js';
import { monitorTarget } from '../format/format.js';
import type { PageBinding } from './page-field.js';
import { monitorsOnPage, moveItem, newSection, type PageForm, withMonitor } from './page-form.js';

/** The page's sections: add, rename, reorder, remove; monitors picked from the desktop's list with public labels. */
export function SectionsField({
  page,
  monitors,
}: {
  page: PageBinding;
  monitors: ReadonlyMap<string, MonitorView>;
}) {
  const { form } = page;
  const onPage = useMemo(() => monitorsOnPage(form), [form]);
  const choices = useMemo(
    () =>
      [...monitors.values()]
        .map((view) => view.monitor)
        .filter((monitor) => !onPage.has(monitor.id))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [monitors, onPage],
  );
  const setSections = (update: (sections: PageForm['sections']) => PageForm['sections']) =>
    page.change((f) => ({ ...f, sections: update(f.sections) }));
  const pageError = page.error('sections');

  return (
    <section className="card form-section" aria-labelledby="page-sections-title">
      <div className="card-header">
        <h2 className="section-title" id="page-sections-title">
          Monitors
        </h2>
        <span className="muted small">Only what you list here is published, under the names you give it</span>
      </div>
      {pageError !== undefined && (
        <div className="field-error" role="alert" data-field="sections">
          {pageError}
        </div>
      )}
      <ol className="page-sections">
        {form.sections.map((section, s) => {
          const sectionError = page.error(`sections.${s}.monitors`);
          return (
            <li key={section.key} className="page-section" data-section={s}>
              <div className="page-section-head">
                <input
                  className="input page-section-title"
                  value={section.title}
                  aria-label={`Section ${s + 1} title`}
                  placeholder="Section title (optional)"
                  onChange={(event) =>
                    setSections((all) =>
                      all.map((x, i) => (i === s ? { ...x, title: event.target.value } : x)),
                    )
                  }
                />
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Move section ${s + 1} up`}
                  disabled={s === 0}
                  onClick={() => setSections((all) => moveItem(all, s, -1))}
                >
                  <ArrowUp size={14} />
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Move section ${s + 1} down`}
                  disabled={s === form.sections.length - 1}
                  onClick={() => setSections((all) => moveItem(all, s, 1))}
                >
                  <ArrowDown size={14} />
                </button>
                <button
                  type="button"
                  className="icon-btn icon-btn-danger"
                  aria-label={`Remove section ${s + 1}`}
                  onClick={() => setSections((all) => all.filter((_, i) => i !== s))}
                >
                  <Trash2 size={14} />
                </button>
              </div>
              {section.monitors.length > 0 && (
                <ul className="page-monitors">
                  {section.monitors.map((entry, m) => {
                    const view = monitors.get(entry.monitorId);
                    const labelError =
                      page.error(`sections.${s}.monitors.${m}.label`) ??
                      page.error(`sections.${s}.monitors.${m}.monitorId`);
                    const setEntry = (patch: Partial<typeof entry>) =>
                      setSections((all) =>
                        all.map((x, i) =>
                          i === s
                            ? { ...x, monitors: x.monitors.map((y, j) => (j === m ? { ...y, ...patch } : y)) }
                            : x,
                        ),
                      );
                    const moveMonitor = (delta: number) =>
                      setSections((all) =>
                        all.map((x, i) => (i === s ? { ...x, monitors: moveItem(x.monitors, m, delta) } : x)),
                      );
                    return (
                      <li key={entry.monitorId} className="page-monitor" data-monitor-id={entry.monitorId}>
                        <div className="page-monitor-names">
                          <input
                            className={`input${labelError !== undefined ? ' invalid' : ''}`}
                            value={entry.label}
                            aria-label={`Public name of ${view?.monitor.name ?? entry.monitorId}`}
                            onChange={(event) => setEntry({ label: event.target.value })}
                          />
                          <span className="muted small page-monitor-source">
                            {view === undefined ? (
                              <span className="field-error">Monitor {entry.monitorId} no longer exists</span>
                            ) : (
                              <>
                                {view.monitor.name} ·{' '}
                                <span className="mono">{monitorTarget(view.monitor)}</span>
                              </>
                            )}
                          </span>
                          {labelError !== undefined && <span className="field-error">{labelError}</span>}
                        </div>
                        <label className="show-target" title="Show the URL or host under the public name">
                          <input
                            type="checkbox"
                            className="switch"
                            checked={entry.showTarget}
                            onChange={(event) => setEntry({ showTarget: event.target.checked })}
                          />
                          <span className="small">Show target</span>
                        </label>
                        <button
                          type="button"
                          className="icon-btn"
                          aria-label={`Move ${entry.label} up`}
                          disabled={m === 0}
                          onClick={() => moveMonitor(-1)}
                        >
                          <ArrowUp size={14} />
                        </button>
                        <button
                          type="button"
                          className="icon-btn"
                          aria-label={`Move ${entry.label} down`}
                          disabled={m === section.monitors.length - 1}
                          onClick={() => moveMonitor(1)}
                        >
                          <ArrowDown size={14} />
                        </button>
                        <button
                          type="button"
                          className="icon-btn icon-btn-danger"
                          aria-label={`Remove ${entry.label}`}
                          onClick={() =>
                            setSections((all) =>
                              all.map((x, i) =>
                                i === s ? { ...x, monitors: x.monitors.filter((_, j) => j !== m) } : x,
                              ),
                            )
                          }
                        >
                          <Trash2 size={14} />
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
              <div className="page-section-add">
                <select
                  className="select"
                  aria-label={`Add a monitor to section ${s + 1}`}
                  value=""
                  disabled={choices.length === 0}
                  onChange={(event) => {
                    const monitor = monitors.get(event.target.value)?.monitor;
                    if (monitor !== undefined) page.change((f) => withMonitor(f, s, monitor));
                  }}
                >
                  <option value="">
                    {choices.length === 0
                      ? monitors.size === 0
                        ? 'No monitors yet'
                        : 'Every monitor is on the page'
                      : '+ Add a monitor…'}
                  </option>
                  {choices.map((monitor) => (
                    <option key={monitor.id} value={monitor.id}>
                      {monitor.name}
                    </option>
                  ))}
                </select>
                {sectionError !== undefined && <span className="field-error">{sectionError}</span>}
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => setSections((all) => [...all, newSection()])}
        disabled={form.sections.length >= 20}
      >
        <Plus size={14} /> Add section
      </button>
    </section>
  );
}
