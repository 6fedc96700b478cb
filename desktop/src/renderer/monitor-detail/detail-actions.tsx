import { ChartColumn, Pause, Pencil, Play, Trash2, Zap } from 'lucide-react';
import { useState } from 'react';
import type { MonitorView, OneOffView } from '../../contract/index.js';
import { Dialog } from '../components/dialog.js';
import { OneOffResult } from '../monitor-editor/test-panel.js';
import { formatRoute } from '../routing/routes.js';
import { useAppStore } from '../store/use-app-store.js';

/** The monitor's actions: run now in every region, pause or resume, edit, delete. */
export function DetailActions({ view }: { view: MonitorView }) {
  const { monitor } = view;
  const runNow = useAppStore((s) => s.runNow);
  const setPaused = useAppStore((s) => s.setPaused);
  const deleteMonitor = useAppStore((s) => s.deleteMonitor);
  const navigate = useAppStore((s) => s.navigate);
  const toast = useAppStore((s) => s.toast);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<OneOffView[] | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const run = async () => {
    setRunning(true);
    const result = await runNow(monitor.id);
    setRunning(false);
    if (result.ok) setResults(result.value);
    else toast('error', 'Could not run the check', result.error.message);
  };
  const togglePause = async () => {
    const result = await setPaused(monitor.id, !monitor.paused);
    if (!result.ok)
      toast('error', monitor.paused ? 'Could not resume' : 'Could not pause', result.error.message);
  };
  const remove = async () => {
    const result = await deleteMonitor(monitor.id);
    setConfirmDelete(false);
    if (!result.ok) return toast('error', 'Could not delete the monitor', result.error.message);
    toast('success', `Deleted ${monitor.name}`);
    navigate({ screen: 'dashboard' });
  };

  return (
    <>
      {/* A heartbeat is checked by its job's pings, not by probes: there is nothing to run. */}
      {monitor.type !== 'heartbeat' && (
        <button
          type="button"
          className="btn"
          onClick={() => void run()}
          disabled={running || monitor.paused}
          title="Run one check now in every region"
        >
          <Zap size={14} /> {running ? 'Running…' : 'Run now'}
        </button>
      )}
      <button type="button" className="btn" onClick={() => void togglePause()}>
        {monitor.paused ? <Play size={14} /> : <Pause size={14} />} {monitor.paused ? 'Resume' : 'Pause'}
      </button>
      <a
        className="btn"
        href={formatRoute({ screen: 'analytics', monitorId: monitor.id })}
        title="SLA report"
      >
        <ChartColumn size={14} /> Report
      </a>
      <button
        type="button"
        className="btn"
        onClick={() => navigate({ screen: 'editor', monitorId: monitor.id })}
        title="Edit (e)"
      >
        <Pencil size={14} /> Edit
      </button>
      <button
        type="button"
        className="icon-btn icon-btn-danger"
        aria-label="Delete monitor"
        title="Delete"
        onClick={() => setConfirmDelete(true)}
      >
        <Trash2 size={16} />
      </button>
      {results !== null && (
        <Dialog title={`Ran ${monitor.name} now`} onClose={() => setResults(null)} width={560}>
          {results.length === 0 ? (
            <p className="muted">No region could run it: no probe is connected.</p>
          ) : (
            <div className="stack">
              {results.map((result) => (
                <OneOffResult key={`${result.probeId}-${result.region}`} result={result} />
              ))}
            </div>
          )}
        </Dialog>
      )}
      {confirmDelete && (
        <Dialog
          title={`Delete ${monitor.name}?`}
          onClose={() => setConfirmDelete(false)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirmDelete(false)} data-autofocus>
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
    </>
  );
}
