import { client } from '../api/client';

const prefix = 'Backups: ';
const says = (message: string) =>
  `${prefix}${message} Open Backups in the status bar to try again.`;

/** Whether a notice is one of these (a backup that went through makes them stale). */
export const isBackupFailure = (notice: string) => notice.startsWith(prefix);

/**
 * A backup that fails while nobody has the Backups dialog open (the daily one, or the one made
 * as Kadar last closed) becomes a notice that stays until dismissed. Returns the unsubscribe.
 */
export function watchBackupFailures(
  notify: (message: string) => void,
  dismissFailures: () => void,
): {
  stop: () => void;
  /** Asks once whether the last backup failed (after the first screen is in). */
  checkLast: () => Promise<void>;
} {
  const stop = client.on('backups.finished', ({ error, cancelled }) => {
    if (error) notify(says(error));
    // A cancelled backup mends nothing: an earlier failure still stands.
    else if (!cancelled) dismissFailures();
  });
  return {
    stop,
    async checkLast() {
      try {
        const { lastError } = await client.call('backups.list', {});
        if (lastError) notify(says(lastError));
      } catch {
        // The backups' folder cannot be listed: the dialog says why when opened.
      }
    },
  };
}
