import { CircleCheck, CircleX, Plus } from 'lucide-react';
import { useMemo } from 'react';
import { checkConditionLines, CONDITION_EXAMPLES } from './condition-lines.js';
import { bindText, type EditorBinding } from './field.js';

/** The condition editor: one condition per line, each parsed as typed with the error where it is. */
export function ConditionsSection({ editor }: { editor: EditorBinding }) {
  const lines = useMemo(() => checkConditionLines(editor.form.conditions), [editor.form.conditions]);
  const bad = lines.filter((line) => line.error !== null).length;
  const add = (example: string) => {
    const text = editor.form.conditions.trimEnd();
    editor.update('conditions', text === '' ? example : `${text}\n${example}`);
  };
  return (
    <section className="card form-section" data-field="conditions">
      <h2 className="section-title">
        Conditions <span className="muted small">optional · every line must hold for a check to pass</span>
      </h2>
      <textarea
        className={`textarea mono conditions-input${bad > 0 ? ' invalid' : ''}`}
        rows={Math.max(3, Math.min(10, lines.length + 1))}
        spellCheck={false}
        placeholder={'status == 200\njson $.ok == true\nresponse_time < 800 else degraded'}
        {...bindText(editor, 'conditions')}
        aria-describedby="condition-feedback"
      />
      <ul className="condition-lines" id="condition-feedback" aria-live="polite">
        {lines.map((line) => (
          <li key={line.line} className={line.error === null ? 'ok' : 'bad'}>
            {line.error === null ? <CircleCheck size={14} /> : <CircleX size={14} />}
            <span className="line-no">{line.line}</span>
            {line.error === null ? (
              <code>{line.text}</code>
            ) : (
              <span className="condition-error">
                <code>
                  {line.text.slice(0, line.error.position)}
                  <mark>{line.text.slice(line.error.position) || ' '}</mark>
                </code>
                <span className="field-error">{line.error.message}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="condition-examples">
        <span className="muted small">Add:</span>
        {CONDITION_EXAMPLES.map((example) => (
          <button key={example} type="button" className="chip chip-code" onClick={() => add(example)}>
            <Plus size={11} />
            {example}
          </button>
        ))}
      </div>
    </section>
  );
}
