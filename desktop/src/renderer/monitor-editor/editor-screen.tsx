import { ArrowLeft, FileQuestion, Save, Trash2, TriangleAlert } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Dialog } from '../components/dialog.js';
import { EmptyState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import type { Route } from '../routing/routes.js';
import { useAppStore } from '../store/use-app-store.js';
import { AlertingSection } from './alerting-section.js';
import { BasicsSection, ScheduleSection } from './common-fields.js';
import { ConditionsSection } from './conditions-field.js';
import type { EditorBinding } from './field.js';
import { checkForm, placeErrors } from './form-check.js';
import {
  emptyForm,
  type FormErrors,
  type FormField,
  formFromMonitor,
  type MonitorForm,
} from './monitor-form.js';
import { TestPanel } from './test-panel.js';
import { TypeFields } from './type-fields.js';
import { TypePicker } from './type-picker.js';

/** The monitor editor: a new monitor (`monitorId` null) or an existing one, every type and field. */
export function EditorScreen({ monitorId }: { monitorId: string | null }) {
  const view = useAppStore((s) => (monitorId === null ? undefined : s.monitors.get(monitorId)));
  const load = useAppStore((s) => s.monitorsLoad);
  // The form starts from the monitor as it was when the editor opened; live updates do not overwrite typing.
  const [initial, setInitial] = useState<MonitorForm | null>(() =>
    monitorId === null ? emptyForm() : view === undefined ? null : formFromMonitor(view.monitor),
  );
  useEffect(() => {
    if (initial === null && view !== undefined) setInitial(formFromMonitor(view.monitor));
  }, [initial, view]);

  if (initial !== null) return <MonitorEditor initial={initial} existingId={monitorId} />;
  if (load.status === 'ready')
    return (
      <div className="page">
        <EmptyState
          icon={FileQuestion}
          title="No such monitor"
          action={
            <a className="btn" href="#/">
              Back to monitors
            </a>
          }
        >
          There is no monitor with the id <code>{monitorId}</code>. It may have been deleted.
        </EmptyState>
      </div>
    );
  return (
    <div className="page">
      <PageHeader title="Edit monitor" subtitle="Loading…" />
      <div className="page-body">
        <div className="card">
          <Skeleton lines={6} height={32} />
        </div>
      </div>
    </div>
  );
}

function MonitorEditor({ initial, existingId }: { initial: MonitorForm; existingId: string | null }) {
  const app = useAppStore((s) => s.app);
  const monitors = useAppStore((s) => s.monitors);
  const saveMonitor = useAppStore((s) => s.saveMonitor);
  const deleteMonitor = useAppStore((s) => s.deleteMonitor);
  const navigate = useAppStore((s) => s.navigate);
  const toast = useAppStore((s) => s.toast);
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState<'leave' | 'delete' | null>(null);

  const checked = useMemo(() => checkForm(form), [form]);
  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(initial), [form, initial]);
  const back: Route =
    existingId === null ? { screen: 'dashboard' } : { screen: 'monitor', monitorId: existingId };
  const monitorIds = useMemo(
    () => [...monitors.keys()].filter((id) => id !== existingId).sort(),
    [monitors, existingId],
  );

  const editor: EditorBinding = {
    form,
    errors: checked.errors,
    update: (field, value) => {
      setForm((current) => ({ ...current, [field]: value }));
      setServerErrors((current) => (field in current ? { ...current, [field]: undefined } : current));
    },
    touch: (field) => setTouched((current) => (current.has(field) ? current : new Set(current).add(field))),
    error: (field) =>
      serverErrors[field] ?? (submitted || touched.has(field) ? checked.errors[field] : undefined),
  };

  const leave = useCallback(() => (dirty ? setConfirm('leave') : navigate(back)), [dirty, navigate, back]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && confirm === null) leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [leave, confirm]);

  const save = async () => {
    setSubmitted(true);
    if (checked.monitor === null) {
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    const result = await saveMonitor(checked.input, existingId);
    setSaving(false);
    if (!result.ok) {
      const placed = placeErrors(result.error.fields ?? []);
      setServerErrors(placed.errors);
      setGeneral(
        placed.general.length > 0 || Object.keys(placed.errors).length > 0
          ? placed.general
          : [result.error.message],
      );
      focusFirstInvalid();
      return;
    }
    toast(
      'success',
      existingId === null ? `Created ${result.value.monitor.name}` : `Saved ${result.value.monitor.name}`,
    );
    navigate({ screen: 'monitor', monitorId: result.value.monitor.id });
  };

  const remove = async () => {
    if (existingId === null) return;
    const result = await deleteMonitor(existingId);
    setConfirm(null);
    if (!result.ok) return toast('error', 'Could not delete the monitor', result.error.message);
    toast('success', `Deleted ${initial.name}`, 'Its history stays until retention removes it.');
    navigate({ screen: 'dashboard' });
  };

  const errorCount = Object.keys(checked.errors).length + general.length;
  return (
    <div className="page">
      <PageHeader
        leading={
          <button type="button" className="icon-btn" aria-label="Back" onClick={leave}>
            <ArrowLeft size={18} />
          </button>
        }
        title={existingId === null ? 'New monitor' : `Edit ${initial.name}`}
        subtitle={existingId === null ? 'Checks start as soon as you save.' : `ID ${existingId}`}
        actions={
          <>
            {existingId !== null && (
              <button
                type="button"
                className="btn btn-ghost btn-danger-text"
                onClick={() => setConfirm('delete')}
              >
                <Trash2 size={14} /> Delete
              </button>
            )}
            <button type="button" className="btn" onClick={leave}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={saving}>
              <Save size={14} />{' '}
              {saving ? 'Saving…' : existingId === null ? 'Create monitor' : 'Save changes'}
            </button>
          </>
        }
      />
      <form
        className="page-body editor-layout"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <div className="editor-main">
          <TypePicker value={form.type} onChange={(type) => editor.update('type', type)} />
          {submitted && errorCount > 0 && (
            <div className="inline-alert inline-alert-down" role="alert">
              <TriangleAlert size={15} />
              <div>
                <strong>
                  Fix {errorCount === 1 ? 'the highlighted field' : `the ${errorCount} highlighted fields`} to
                  save.
                </strong>
                {general.map((message) => (
                  <div key={message}>{message}</div>
                ))}
              </div>
            </div>
          )}
          <BasicsSection editor={editor} isNew={existingId === null} />
          <TypeFields editor={editor} />
          <ConditionsSection editor={editor} />
          <ScheduleSection editor={editor} knownRegions={app?.regions ?? []} />
          <AlertingSection editor={editor} monitorIds={monitorIds} />
          <button type="submit" hidden />
        </div>
        <aside className="editor-side">
          <TestPanel input={checked.input} ready={checked.monitor !== null} />
        </aside>
      </form>
      {confirm === 'leave' && (
        <Dialog
          title="Discard your changes?"
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirm(null)} data-autofocus>
                Keep editing
              </button>
              <button type="button" className="btn btn-danger" onClick={() => navigate(back)}>
                Discard
              </button>
            </>
          }
        >
          The changes to this monitor have not been saved.
        </Dialog>
      )}
      {confirm === 'delete' && (
        <Dialog
          title={`Delete ${initial.name}?`}
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirm(null)} data-autofocus>
                Cancel
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void remove()}>
                <Trash2 size={14} /> Delete monitor
              </button>
            </>
          }
        >
          Checks stop in every region. Its history stays until retention removes it.
        </Dialog>
      )}
    </div>
  );
}

function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(
      '.field-invalid input, .field-invalid textarea, .field-invalid select, .conditions-input.invalid',
    );
    field?.focus();
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}
