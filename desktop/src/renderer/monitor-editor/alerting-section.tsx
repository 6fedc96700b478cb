import { MONITOR_DEFAULTS as D } from '@vantage/shared';
import { bindText, type EditorBinding, Field, Toggle } from './field.js';

/** When a failure becomes an incident: confirmation, quorum, thresholds, retries, dependency. */
export function AlertingSection({
  editor,
  monitorIds,
}: {
  editor: EditorBinding;
  monitorIds: readonly string[];
}) {
  const { form } = editor;
  return (
    <section className="card form-section">
      <h2 className="section-title">When to alert</h2>
      <p className="field-hint section-hint">
        Who is told, and how, is set by <a href="#/alerting/rules">alert rules</a> (by monitor or tag).
      </p>
      <div className="form-grid form-grid-3">
        <Field
          field="confirmation"
          label="Down after"
          error={editor.error('confirmation')}
          hint="Failures in a row, per region"
        >
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'confirmation')}
            placeholder={String(D.confirmation)}
          />
        </Field>
        <Field
          field="recovery"
          label="Up again after"
          error={editor.error('recovery')}
          hint="Successes in a row"
        >
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'recovery')}
            placeholder={String(D.recovery)}
          />
        </Field>
        <Field
          field="quorum"
          label="Regions that must agree"
          error={editor.error('quorum')}
          hint="majority, all, any or a number"
        >
          <input
            className="input"
            list="quorum-options"
            {...bindText(editor, 'quorum')}
            placeholder={D.quorum}
          />
          <datalist id="quorum-options">
            <option value="majority" />
            <option value="all" />
            <option value="any" />
          </datalist>
        </Field>
        <Field
          field="degradedAboveMs"
          label="Degraded above"
          error={editor.error('degradedAboveMs')}
          hint="Response time in ms"
        >
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'degradedAboveMs')}
            placeholder="off"
          />
        </Field>
        <Field
          field="downAboveMs"
          label="Down above"
          error={editor.error('downAboveMs')}
          hint="Response time in ms"
        >
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'downAboveMs')}
            placeholder="off"
          />
        </Field>
        <Field
          field="parent"
          label="Depends on"
          error={editor.error('parent')}
          hint="While it is down, this is “parent down”"
        >
          <input
            className="input mono"
            list="parent-options"
            {...bindText(editor, 'parent')}
            placeholder="none"
          />
          <datalist id="parent-options">
            {monitorIds.slice(0, 500).map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </Field>
        <Field
          field="retries"
          label="Retries"
          error={editor.error('retries')}
          hint="Inside one check, before it fails"
        >
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'retries')}
            placeholder={String(D.retries)}
          />
        </Field>
        <Field
          field="retryDelayMs"
          label="Retry delay"
          error={editor.error('retryDelayMs')}
          hint="Milliseconds"
        >
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'retryDelayMs')}
            placeholder={String(D.retryDelayMs)}
          />
        </Field>
      </div>
      <Toggle
        editor={editor}
        field="failureWindow"
        label="Also down after several failures within a time window"
      />
      {form.failureWindow && (
        <div className="form-grid form-grid-3 indent">
          <Field field="failureWindowFailures" label="Failures" error={editor.error('failureWindowFailures')}>
            <input
              className="input"
              inputMode="numeric"
              {...bindText(editor, 'failureWindowFailures')}
              placeholder="3"
            />
          </Field>
          <Field
            field="failureWindowMinutes"
            label="Within minutes"
            error={editor.error('failureWindowMinutes')}
          >
            <input
              className="input"
              inputMode="numeric"
              {...bindText(editor, 'failureWindowMinutes')}
              placeholder="10"
            />
          </Field>
        </div>
      )}
      <Toggle
        editor={editor}
        field="paused"
        label="Paused"
        hint="A paused monitor keeps its history but runs no checks"
      />
    </section>
  );
}
