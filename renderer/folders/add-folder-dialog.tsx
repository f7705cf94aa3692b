import { useState, type FormEvent } from 'react';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';

/** The browser's stand-in for a folder picker: the path, typed or pasted. */
export function AddFolderDialog() {
  const open = useKadar((s) => s.panel === 'add-folder');
  return open ? <AddFolderForm /> : null;
}

function AddFolderForm() {
  const closePanel = useKadar((s) => s.closePanel);
  const addFolder = useKadar((s) => s.addFolder);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // Typed or pasted, it may carry spaces at its ends; the API takes a path as given (a
    // picked folder is sent as the picker named it).
    const failure = await addFolder(path.trim());
    setBusy(false);
    if (failure) setError(failure);
    else closePanel();
  };

  return (
    <Modal title="Add a folder" onClose={closePanel} testId="add-folder-dialog">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="folder-path">Folder path</label>
        <input
          id="folder-path"
          type="text"
          required
          spellCheck={false}
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="e.g. D:\Photos or /home/ana/Pictures"
          aria-describedby="folder-path-hint"
          aria-invalid={error != null}
          data-testid="folder-path"
        />
        <p id="folder-path-hint" className="hint">
          The full path of a folder on this computer or a network drive. Kadar reads the photos in
          it and in every folder below; it never changes or moves them.
        </p>
        {error && (
          <p className="form-error" role="alert" data-testid="add-folder-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={closePanel}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || path.trim() === ''}
            data-testid="add-folder-submit"
          >
            {busy ? 'Adding…' : 'Add and index'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
