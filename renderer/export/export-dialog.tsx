import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../api/client';
import { useApi } from '../api/server-data';
import type { ExportProgress, ExportRecord, ExportSource } from '../../shared/api/domains/export';
import type { ExportPreset } from '../../shared/api/domains/export-presets';
import { isApiError } from '../../shared/errors';
import { errorMessage } from '../store/error-message';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';
import { ExportProgressBar, ExportResult } from './export-progress';
import { PresetForm } from './preset-form';
import { presetSummary } from '../../shared/export/preset-summary';
import './export.css';

/** The export dialog: a preset, a folder, then progress and what came out. */
export function ExportDialog() {
  const { source, closePanel, following } = useKadar(
    useShallow((s) => ({
      source: s.exportSource,
      closePanel: s.closePanel,
      following: s.exportRun,
    })),
  );
  const [running, setRunning] = useState<number | null>(following);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<ExportRecord | null>(null);

  useEffect(() => {
    if (running == null) return;
    const offs = [
      client.on('export.progress', (p) => p.exportId === running && setProgress(p)),
      client.on('export.finished', (r) => r.id === running && setResult(r)),
    ];
    // A small export can end before the listeners above were in place: ask once.
    void client.call('export.get', { exportId: running }).then(
      (record) => record.status !== 'running' && setResult(record),
      () => undefined,
    );
    return () => offs.forEach((off) => off());
  }, [running]);

  if (!source && running == null) return null;
  const title = running == null ? 'Export' : result ? 'Exported' : 'Exporting…';
  return (
    <Modal title={title} onClose={closePanel} testId="export-dialog" wide>
      {running == null ? (
        source && <ExportSetup source={source} onStarted={setRunning} />
      ) : result ? (
        <ExportResult record={result} onClose={closePanel} />
      ) : (
        <ExportProgressBar
          progress={progress}
          onCancel={() => void client.call('export.cancel', { exportId: running })}
        />
      )}
    </Modal>
  );
}

function ExportSetup({
  source,
  onStarted,
}: {
  source: ExportSource;
  onStarted: (exportId: number) => void;
}) {
  const presets = useApi('presets.list', {});
  const [presetId, setPresetId] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [outDir, setOutDir] = useState<string | null>(null);
  // Typed or pasted, a folder may carry spaces at its ends; a picked or suggested one is exact.
  const [typed, setTyped] = useState(false);
  const [zip, setZip] = useState(false);
  // The folder the person was asked about: a confirmation never carries over to another.
  const [replace, setReplace] = useState<{ folder: string; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const desktop = useKadar((s) => s.info?.shell === 'electron');
  const preset: ExportPreset | undefined =
    presets.data?.find((p) => p.id === presetId) ?? presets.data?.[0];
  const plan = useApi(
    'export.plan',
    { source, presetId: preset?.id ?? 0 },
    { enabled: preset != null },
  );
  const folder = outDir ?? plan.data?.suggestedOutDir ?? '';

  if (!preset) return <p className="muted">Loading presets…</p>;
  if (editing)
    return (
      <PresetForm
        preset={preset}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          setPresetId(saved.id);
          setEditing(false);
        }}
      />
    );

  const start = async (force: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const { exportId } = await client.call('export.start', {
        source,
        presetId: preset.id,
        outDir: typed ? folder.trim() : folder,
        zip,
        force,
      });
      onStarted(exportId);
    } catch (e) {
      if (isApiError(e) && e.code === 'OUTPUT_NOT_EMPTY' && !force)
        setReplace({ folder, message: e.message });
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start(false);
  };
  const pick = async () => {
    const { path } = await client.call('shell.pickFolder', {});
    if (path) {
      setOutDir(path);
      setTyped(false);
      setReplace(null);
    }
  };

  return (
    <form className="form export-form" onSubmit={submit}>
      {plan.data && (
        <div className="export-plan" data-testid="export-plan">
          <strong>{plan.data.title}</strong>
          <span>
            {plan.data.count} {plan.data.count === 1 ? 'photo' : 'photos'}
            {plan.data.sections.length > 1 ? ` in ${plan.data.sections.length} events` : ''}
            {plan.data.offline > 0 ? ` · ${plan.data.offline} offline, to be skipped` : ''}
          </span>
          <span className="muted" data-testid="export-file-names">
            {plan.data.fileNames.join(', ')}
            {plan.data.count > plan.data.fileNames.length ? ', …' : ''}
          </span>
        </div>
      )}
      <label htmlFor="export-preset">Preset</label>
      <div className="form-row">
        <select
          id="export-preset"
          value={preset.id}
          onChange={(e) => setPresetId(Number(e.target.value))}
          data-testid="export-preset"
        >
          {presets.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onClick={() => setEditing(true)}
          data-testid="edit-preset"
        >
          Edit preset…
        </button>
      </div>
      <p className="hint" data-testid="export-preset-summary">
        {presetSummary(preset)}
      </p>
      <label htmlFor="export-folder">Folder</label>
      <div className="form-row">
        <input
          id="export-folder"
          value={folder}
          spellCheck={false}
          onChange={(e) => {
            setOutDir(e.target.value);
            setTyped(true);
            setReplace(null);
          }}
          data-testid="export-folder"
        />
        {desktop && (
          <button type="button" className="button" onClick={() => void pick()}>
            Choose…
          </button>
        )}
      </div>
      <p className="hint">
        A new or empty folder. The gallery appears there only when it is complete.
      </p>
      <label>
        <input
          type="checkbox"
          checked={zip}
          onChange={(e) => setZip(e.target.checked)}
          data-testid="export-zip"
        />{' '}
        Also pack it into one ZIP
      </label>
      {replace?.folder === folder && (
        <div className="export-replace" role="alert" data-testid="export-replace">
          <p>{replace.message.replace(/^outDir: /, '').replace(/ \(--force\)/, '')}</p>
          <button
            type="button"
            className="button"
            onClick={() => void start(true)}
            data-testid="export-replace-confirm"
          >
            Replace what it holds
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || folder.trim() === '' || !plan.data}
          data-testid="export-start"
        >
          Export {plan.data ? `${plan.data.count} photos` : ''}
        </button>
      </div>
    </form>
  );
}
