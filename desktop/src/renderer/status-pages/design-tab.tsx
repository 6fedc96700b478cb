import { EyeOff, Save, Send, Trash2, TriangleAlert } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import type { StatusPageDetail } from '@vantage/shared';
import { Dialog } from '../components/dialog.js';
import { useNow } from '../components/use-now.js';
import { useAppStore } from '../store/use-app-store.js';
import { PageBasics, PageDisplay } from './design-fields.js';
import type { PageBinding } from './page-field.js';
import {
  checkPageForm,
  configFromForm,
  errorsFromFields,
  isPlacedPath,
  type PageErrors,
  type PageForm,
  withTitle,
} from './page-form.js';
import { PageReach } from './page-reach.js';
import { PublishPanel } from './publish-panel.js';
import { SectionsField } from './sections-field.js';

/**
 * The designer's form with Publish / Unpublish / Save / Delete. Fields are checked with shared's
 * schema as the user types (errors show once a field was left or a save tried); the relay's own
 * answer is shown next to the fields it names.
 */
export function DesignTab({
  slug,
  initial,
  detail,
  header,
  other,
}: {
  slug: string | null;
  initial: PageForm;
  detail: StatusPageDetail | null;
  header: (actions: ReactNode, subtitle?: string, back?: () => void) => ReactNode;
  /** Another tab's content, shown instead of the form (which stays mounted, hidden). */
  other: ReactNode;
}) {
  const monitors = useAppStore((s) => s.monitors);
  const channels = useAppStore((s) => s.emailChannels);
  const saveStatusPage = useAppStore((s) => s.saveStatusPage);
  const deleteStatusPage = useAppStore((s) => s.deleteStatusPage);
  const navigate = useAppStore((s) => s.navigate);
  const toast = useAppStore((s) => s.toast);
  const now = useNow();
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<PageErrors>({});
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'leave' | null>(null);

  const checked = useMemo(() => checkPageForm(form), [form]);
  const dirty = useMemo(
    () => JSON.stringify(configFromForm(form)) !== JSON.stringify(configFromForm(saved)),
    [form, saved],
  );
  const page: PageBinding = {
    form,
    change: (update) => {
      setForm(update);
      setServerErrors({});
    },
    touch: (path) => setTouched((current) => (current.has(path) ? current : new Set(current).add(path))),
    error: (path) =>
      serverErrors[path] ??
      (submitted || touched.has(path) || /^sections\.\d+\.monitors\.\d+/.test(path)
        ? checked.errors[path]
        : undefined),
  };
  const shownErrors = submitted ? { ...checked.errors, ...serverErrors } : serverErrors;
  const placedCount = Object.keys(shownErrors).filter(isPlacedPath).length;
  const general = Object.entries(shownErrors)
    .filter(([path]) => !isPlacedPath(path))
    .map(([path, message]) => (path === '' ? message : `${path}: ${message}`));

  const save = async (published: boolean) => {
    setSubmitted(true);
    if (checked.config === null) return focusFirstInvalid();
    setBusy(true);
    const result = await saveStatusPage({ ...checked.input, published });
    setBusy(false);
    if (!result.ok) {
      const fields = errorsFromFields(result.error.fields ?? []);
      setServerErrors(Object.keys(fields).length > 0 ? fields : { '': result.error.message });
      return focusFirstInvalid();
    }
    const next = { ...form, published: result.value.page.published };
    setForm(next);
    setSaved(next);
    setSubmitted(false);
    const becamePublic = published && !(detail?.summary.published ?? false);
    toast(
      'success',
      becamePublic
        ? `Published ${result.value.page.title}`
        : published
          ? `Saved ${result.value.page.title}`
          : `${result.value.page.title} is a draft`,
      published ? result.value.summary.url : 'Visitors see “not found” until you publish it.',
    );
    if (slug === null) navigate({ screen: 'status-pages', pageId: result.value.page.slug });
  };

  const remove = async () => {
    if (slug === null) return;
    setBusy(true);
    const result = await deleteStatusPage(slug);
    setBusy(false);
    setConfirm(null);
    if (!result.ok) return toast('error', 'Could not delete the page', result.error.message);
    toast('success', `Deleted ${initial.title}`);
    navigate({ screen: 'status-pages', pageId: null });
  };

  const toList = () => navigate({ screen: 'status-pages', pageId: null });
  const leave = () => (dirty ? setConfirm('leave') : toList());

  const isPublished = detail?.summary.published ?? false;
  const actions = (
    <>
      {slug !== null && (
        <button type="button" className="btn btn-ghost btn-danger-text" onClick={() => setConfirm('delete')}>
          <Trash2 size={14} /> Delete
        </button>
      )}
      {isPublished ? (
        <>
          <button type="button" className="btn" onClick={() => void save(false)} disabled={busy}>
            <EyeOff size={14} /> Unpublish
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void save(true)}
            disabled={busy || !dirty}
          >
            <Save size={14} /> {busy ? 'Saving…' : 'Save changes'}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="btn" onClick={() => void save(false)} disabled={busy}>
            <Save size={14} /> Save as draft
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save(true)} disabled={busy}>
            <Send size={14} /> {busy ? 'Publishing…' : 'Publish'}
          </button>
        </>
      )}
    </>
  );

  return (
    <div className="page">
      {header(other === null ? actions : null, dirty && slug !== null ? 'Unsaved changes' : undefined, leave)}
      {other}
      <form
        className="page-body designer-layout"
        style={other === null ? undefined : { display: 'none' }}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(isPublished);
        }}
      >
        <div className="designer-main">
          <SaveProblems count={placedCount} general={general} />
          <PageBasics
            page={page}
            isNew={slug === null}
            onTitle={(title) => page.change((f) => withTitle(f, title))}
          />
          <SectionsField page={page} monitors={monitors} />
          <PageDisplay page={page} />
          <PageReach page={page} pageUrl={detail?.summary.url ?? null} channels={channels} />
          <button type="submit" hidden />
        </div>
        <aside className="designer-side">
          <PublishPanel detail={detail} now={now} />
        </aside>
      </form>
      {confirm === 'delete' && (
        <Dialog
          title={`Delete ${initial.title}?`}
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirm(null)} data-autofocus>
                Cancel
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void remove()} disabled={busy}>
                <Trash2 size={14} /> Delete page
              </button>
            </>
          }
        >
          The page goes offline at once, with its written incidents and its subscribers. Badges embedded
          elsewhere stop showing. The monitors themselves are not touched.
        </Dialog>
      )}
      {confirm === 'leave' && (
        <Dialog
          title="Discard your changes?"
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirm(null)} data-autofocus>
                Keep editing
              </button>
              <button type="button" className="btn btn-danger" onClick={toList}>
                Discard
              </button>
            </>
          }
        >
          {slug === null
            ? 'This page has not been saved.'
            : 'The changes to this page have not been saved; the published page is unchanged.'}
        </Dialog>
      )}
    </div>
  );
}

function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(
      '.field-invalid input, .field-invalid textarea, .page-monitor .input.invalid, [data-field="sections"]',
    );
    field?.focus();
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}

/** The banner above the form after a failed save: how many fields, and what belongs to none. */
function SaveProblems({ count, general }: { count: number; general: string[] }) {
  if (count === 0 && general.length === 0) return null;
  return (
    <div className="inline-alert inline-alert-down" role="alert">
      <TriangleAlert size={15} />
      <div>
        {count > 0 && (
          <strong>
            Fix {count === 1 ? 'the highlighted field' : `the ${count} highlighted fields`} to save.
          </strong>
        )}
        {general.map((message) => (
          <div key={message}>{message}</div>
        ))}
      </div>
    </div>
  );
}
