import { useEffect, useState, type FormEvent } from 'react';
import type { BackupProgress } from '../../shared/api/domains/backups';
import { isApiError } from '../../shared/errors';
import { client } from '../api/client';
import { useApi } from '../api/server-data';
import { errorMessage } from '../store/error-message';
import { useKadar } from '../store/store';
import { Modal } from '../ui/modal';
import { isBackupFailure } from './backup-failures';
import { BackupProgressBar } from './backup-progress';
import { isRestoreFailure, sayAlsoAfterReopen } from './catalog-reopened';
import './backups.css';

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The catalog's backups: kept beside it (7 daily, 4 weekly), a second folder, and restore. */
export function BackupsDialog() {
  const closePanel = useKadar((s) => s.closePanel);
  const dismissNotice = useKadar((s) => s.dismissNotice);
  const list = useApi('backups.list', {});
  const [second, setSecond] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<string | null>(null);
  // The backup under way: this window's, or the daily one that began while the dialog is open.
  const [backingUp, setBackingUp] = useState(false);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const secondFolder = second ?? list.data?.secondFolder ?? '';
  const { refetch } = list;

  // A restore refused before the catalog closed leaves this window as it is: "Restoring…"
  // goes, and the list shows what is waiting now.
  useEffect(
    () =>
      client.on('catalog.reopened', ({ closed }) => {
        if (closed) return;
        setMessage(null);
        void refetch();
      }),
    [refetch],
  );
  useEffect(() => {
    const offs = [
      client.on('backups.progress', setProgress),
      client.on('backups.finished', () => {
        setProgress(null);
        void refetch();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [refetch]);

  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await what());
      await list.refetch();
    } catch (e) {
      // Cancelled is what the person asked for: said, not shown as a failure. What was made
      // before the cancel (today's backup, stopped on its way to the second folder) is listed.
      if (isApiError(e) && e.code === 'CANCELLED') {
        setMessage(e.message);
        void list.refetch();
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const saveSecond = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const folder = secondFolder.trim() === '' ? null : secondFolder.trim();
      await client.call('backups.setSecondFolder', { folder });
      return folder ? `Backups are also copied to ${folder}.` : 'No second folder.';
    });
  };

  return (
    <Modal title="Backups" onClose={closePanel} testId="backups-dialog" wide>
      <div className="form">
        <p className="hint">
          Kadar backs the catalog up once a day while it is open and when it closes, checks each
          backup, and keeps 7 daily and 4 weekly ones in{' '}
          <code data-testid="backups-folder">{list.data?.folder}</code>.
        </p>
        {list.data?.lastError && (
          <p className="form-error" role="alert">
            The last backup had a problem: {list.data.lastError}
          </p>
        )}
        {list.data?.pendingRestore && (
          <p className="backup-pending" data-testid="backup-pending">
            A backup asked for on {new Date(list.data.pendingRestore.askedAt).toLocaleString()} is
            waiting to be restored: Kadar restores it the next time it opens the catalog.{' '}
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const { cancelled } = await client.call('backups.cancelRestore', {});
                  // That it did not happen is no longer news; other backups' failures still are.
                  if (cancelled)
                    for (const n of useKadar.getState().notices)
                      if (isRestoreFailure(n.message)) dismissNotice(n.id);
                  return cancelled
                    ? 'The restore is called off; the catalog stays as it is.'
                    : 'No restore was waiting.';
                })
              }
              data-testid="backup-pending-cancel"
            >
              Don’t restore it
            </button>
          </p>
        )}
        <ul className="archive-rows" data-testid="backups-list">
          {list.data?.backups.map((b) => (
            <li key={b.path} className="export-row" data-testid="backup-row">
              <div>
                <strong>{b.day}</strong> · {megabytes(b.bytes)}
                {b.where === 'second' && (
                  <span className="muted" data-testid="backup-on-second" title={b.path}>
                    {' '}
                    · on the second drive
                  </span>
                )}
              </div>
              {confirm === b.path ? (
                <span>
                  Replace the catalog with this backup? Work under way stops; the catalog as it is
                  now is kept beside it.{' '}
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      void act(async () => {
                        const { when, documentsNotCopied, documentFailures } = await client.call(
                          'backups.restore',
                          {
                            path: b.path,
                          },
                        );
                        setConfirm(null);
                        const [first] = documentFailures;
                        const documents = first
                          ? `${documentsNotCopied} of the documents kept beside the backup could not be copied back (${first.path}: ${first.message}).`
                          : null;
                        const also = documents ? ` ${documents}` : '';
                        // `now`: the window reloads when the catalog has been opened again,
                        // or, refused before it closed, a notice says why (see above); what
                        // did not come back is said after the reload too.
                        if (when === 'now' && documents) sayAlsoAfterReopen(documents);
                        return when === 'now'
                          ? `Restoring the backup of ${b.day}…${also}`
                          : `Kadar restores the backup of ${b.day} when it next starts: close it and open it again. The catalog it replaces is kept beside it.${also}`;
                      })
                    }
                    data-testid="backup-restore-confirm"
                  >
                    Restore
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button"
                  onClick={() => setConfirm(b.path)}
                  data-testid="backup-restore"
                >
                  Restore…
                </button>
              )}
            </li>
          ))}
        </ul>
        <form className="form-row" onSubmit={saveSecond}>
          <label htmlFor="backup-second">Also copy to</label>
          <input
            id="backup-second"
            className="backup-second"
            value={secondFolder}
            placeholder="a folder on another drive, e.g. E:\Kadar backups"
            spellCheck={false}
            // Until the folder set is known: typed before, the text would land beside it.
            disabled={!list.data}
            onChange={(e) => setSecond(e.target.value)}
            data-testid="backup-second-folder"
          />
          <button type="submit" className="button" disabled={busy}>
            Save
          </button>
        </form>
        {message && (
          <p role="status" data-testid="backups-message">
            {message}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="backups-error">
            {error}
          </p>
        )}
        {(backingUp || progress) && (
          <BackupProgressBar
            progress={progress}
            onCancel={() =>
              void client
                .call('backups.cancel', {})
                .catch((e: unknown) => setError(errorMessage(e)))
            }
          />
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                setBackingUp(true);
                try {
                  const r = await client.call('backups.create', {});
                  for (const n of useKadar.getState().notices)
                    if (isBackupFailure(n.message)) dismissNotice(n.id);
                  return `Backed up and checked: ${r.path} (${megabytes(r.bytes)})${r.copy ? `, copied to ${r.copy}` : ''}.`;
                } finally {
                  setBackingUp(false);
                  setProgress(null);
                }
              })
            }
            data-testid="backup-now"
          >
            Back up now
          </button>
        </div>
      </div>
    </Modal>
  );
}
