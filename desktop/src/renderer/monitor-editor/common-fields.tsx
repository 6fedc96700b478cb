import { MONITOR_DEFAULTS as D } from '@vantage/shared';
import { formatSeconds } from '../format/format.js';
import { bindText, type EditorBinding, Field } from './field.js';
import { idFromName } from './form-check.js';

/** Name, id, description, group and tags. */
export function BasicsSection({ editor, isNew }: { editor: EditorBinding; isNew: boolean }) {
  const { form } = editor;
  return (
    <section className="card form-section">
      <h2 className="section-title">Basics</h2>
      <div className="form-grid">
        <Field
          field="name"
          label="Name"
          error={editor.error('name')}
          hint="How it appears in lists and alerts"
        >
          <input
            className="input"
            {...bindText(editor, 'name')}
            placeholder="Main website"
            autoFocus={isNew}
          />
        </Field>
        <Field
          field="id"
          label="ID"
          error={editor.error('id')}
          hint={isNew ? 'Blank: made from the name' : 'Fixed once created'}
        >
          <input
            className="input mono"
            {...bindText(editor, 'id')}
            placeholder={idFromName(form.name)}
            readOnly={!isNew}
          />
        </Field>
        <Field field="group" label="Group" error={editor.error('group')} hint="Optional, e.g. Backend">
          <input className="input" {...bindText(editor, 'group')} />
        </Field>
        <Field field="tags" label="Tags" error={editor.error('tags')} hint="Comma-separated, e.g. prod, eu">
          <input className="input" {...bindText(editor, 'tags')} />
        </Field>
        <Field field="description" label="Description" error={editor.error('description')} wide>
          <textarea
            className="textarea"
            rows={2}
            {...bindText(editor, 'description')}
            placeholder="What this checks and who to call"
          />
        </Field>
      </div>
    </section>
  );
}

/** How often it runs, how long a check may take, and where. */
export function ScheduleSection({
  editor,
  knownRegions,
}: {
  editor: EditorBinding;
  knownRegions: readonly string[];
}) {
  const { form } = editor;
  const regions = [...new Set([...knownRegions, ...form.regions])].sort();
  const toggleRegion = (region: string) => {
    const next = form.regions.includes(region)
      ? form.regions.filter((r) => r !== region)
      : [...form.regions, region];
    editor.update('regions', next);
    editor.touch('regions');
  };
  return (
    <section className="card form-section">
      <h2 className="section-title">Schedule and regions</h2>
      <div className="form-grid">
        <Field
          field="interval"
          label="Check every"
          error={editor.error('interval')}
          hint="Seconds, or 30s, 5m, 1h"
        >
          <input
            className="input"
            {...bindText(editor, 'interval')}
            placeholder={formatSeconds(D.intervalS)}
          />
        </Field>
        <Field
          field="timeout"
          label="Timeout"
          error={editor.error('timeout')}
          hint="A check slower than this fails"
        >
          <input className="input" {...bindText(editor, 'timeout')} placeholder={formatSeconds(D.timeoutS)} />
        </Field>
        <Field
          field="regions"
          label="Regions"
          error={editor.error('regions')}
          wide
          hint="Where probes run this check"
        >
          <div className="region-picker">
            <label className="radio">
              <input
                type="radio"
                name="regionsMode"
                checked={form.regionsMode === 'all'}
                onChange={() => editor.update('regionsMode', 'all')}
              />
              Every region
            </label>
            <label className="radio">
              <input
                type="radio"
                name="regionsMode"
                id="field-regions"
                checked={form.regionsMode === 'some'}
                onChange={() => editor.update('regionsMode', 'some')}
              />
              Only these:
            </label>
            {form.regionsMode === 'some' &&
              (regions.length === 0 ? (
                <span className="muted small">No regions known yet — add a probe first.</span>
              ) : (
                regions.map((region) => (
                  <button
                    key={region}
                    type="button"
                    className={`chip chip-toggle${form.regions.includes(region) ? ' active' : ''}`}
                    aria-pressed={form.regions.includes(region)}
                    onClick={() => toggleRegion(region)}
                  >
                    {region}
                  </button>
                ))
              ))}
          </div>
        </Field>
      </div>
    </section>
  );
}
