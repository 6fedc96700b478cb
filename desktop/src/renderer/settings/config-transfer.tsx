import { Download, FileUp, TriangleAlert } from 'lucide-react';
import { type ChangeEvent, useRef, useState } from 'react';
import type { ApiError } from '../../contract/index.js';
import { Segmented } from '../components/segmented.js';
import { plural } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { describeImport, exportFileName, formatOfFile } from './config-files.js';
import { Progress, SettingRow } from './setting-row.js';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fraction: number }
  | { kind: 'importing' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; error: ApiError };

/** Export the configuration as JSON or YAML, and import one back (merged, or replacing everything). */
export function ConfigTransfer() {
  const exportConfig = useAppStore((s) => s.exportConfig);
  const importConfig = useAppStore((s) => s.importConfig);
  const toast = useAppStore((s) => s.toast);
  const [format, setFormat] = useState<'json' | 'yaml'>('yaml');
  const [exporting, setExporting] = useState(false);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const runExport = async () => {
    setExporting(true);
    const result = await exportConfig(format);
    setExporting(false);
    if (!result.ok) return toast('error', 'Export failed', result.error.message);
    const blob = new Blob([result.value.text], {
      type: format === 'json' ? 'application/json' : 'application/yaml',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = exportFileName(format, Date.now());
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    toast('success', `Exported ${plural(result.value.monitors, 'monitor')}`, link.download);
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    const reader = new FileReader();
    reader.onprogress = (progress) => {
      if (progress.lengthComputable)
        setStage({ kind: 'reading', fraction: progress.loaded / progress.total });
    };
    reader.onerror = () =>
      setStage({
        kind: 'failed',
        error: { code: 'VANTAGE_ERR_INVALID_IMPORT', message: `could not read ${file.name}` },
      });
    reader.onload = async () => {
      setStage({ kind: 'importing' });
      const text = String(reader.result ?? '');
      const fileFormat = formatOfFile(file.name);
      const result = await importConfig({
        text,
        mode,
        ...(fileFormat === undefined ? {} : { format: fileFormat }),
      });
      if (!result.ok) return setStage({ kind: 'failed', error: result.error });
      setStage({ kind: 'done', message: describeImport(result.value) });
    };
    setStage({ kind: 'reading', fraction: 0 });
    reader.readAsText(file);
  };

  const busy = stage.kind === 'reading' || stage.kind === 'importing';
  return (
    <section className="card settings-section" aria-labelledby="config-title">
      <h2 className="section-title" id="config-title">
        Configuration
      </h2>
      <SettingRow
        title="Export"
        description="Every monitor and setting, without secrets. Keep it in git, or move it to another machine."
      >
        <div className="button-row">
          <Segmented
            label="Format"
            size="sm"
            options={[
              { value: 'yaml', label: 'YAML' },
              { value: 'json', label: 'JSON' },
            ]}
            value={format}
            onChange={setFormat}
          />
          <button type="button" className="btn btn-sm" onClick={() => void runExport()} disabled={exporting}>
            <Download size={13} /> {exporting ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </SettingRow>
      {exporting && <Progress value={null} label="Exporting" />}
      <SettingRow
        title="Import"
        description="Every monitor is checked first; if one is wrong, nothing changes and the errors are listed."
      >
        <div className="button-row">
          <Segmented
            label="Import mode"
            size="sm"
            options={[
              { value: 'merge', label: 'Merge', title: 'Add new monitors and update existing ones' },
              { value: 'replace', label: 'Replace', title: 'Also delete monitors missing from the file' },
            ]}
            value={mode}
            onChange={setMode}
          />
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => fileInput.current?.click()}
            disabled={busy}
          >
            <FileUp size={13} /> Choose file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            hidden
            onChange={onFile}
            aria-label="Configuration file"
          />
        </div>
      </SettingRow>
      <div className="import-status" aria-live="polite">
        {stage.kind === 'reading' && <Progress value={stage.fraction} label="Reading the file" />}
        {stage.kind === 'importing' && (
          <>
            <Progress value={null} label="Importing" />
            <span className="muted small">Validating and importing…</span>
          </>
        )}
        {stage.kind === 'done' && <div className="inline-alert inline-alert-up">{stage.message}</div>}
        {stage.kind === 'failed' && (
          <div className="inline-alert inline-alert-down">
            <TriangleAlert size={15} />
            <div>
              <strong>
                {stage.error.fields !== undefined && stage.error.fields.length > 0
                  ? 'Nothing was imported. Fix these in the file:'
                  : `Nothing was imported: ${stage.error.message}`}
              </strong>
              {stage.error.fields !== undefined && stage.error.fields.length > 0 && (
                <ul className="error-list">
                  {stage.error.fields.slice(0, 20).map((field) => (
                    <li key={`${field.path}:${field.message}`}>
                      <code>{field.path}</code> {field.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
