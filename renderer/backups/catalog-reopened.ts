import { notRestoredPrefix } from '../../shared/api/not-restored';
import { client } from '../api/client';

// What to say once the window has started again, kept across the reload.
const storageKey = 'kadar.afterReopen';
// What the window that asked for the restore adds to it (documents not copied back).
const moreKey = 'kadar.afterReopen.more';

/** Keeps `text` to add to what the coming reopening says, once the window is back. */
export function sayAlsoAfterReopen(text: string): void {
  try {
    sessionStorage.setItem(moreKey, text);
  } catch {
    // Storage refused: the dialog said it before the reload.
  }
}

function takeMore(): string | null {
  try {
    const more = sessionStorage.getItem(moreKey);
    sessionStorage.removeItem(moreKey);
    return more;
  } catch {
    return null;
  }
}

interface Saying {
  error: boolean;
  message: string;
}

/**
 * When the catalog is closed and opened again under the window (a backup restored, or not),
 * the window starts afresh: every id, page, selection and job it shows belongs to the catalog
 * closed. Every window reloads, and says what happened once it is back. A restore refused
 * before the catalog was closed changed nothing: the window stays as it is and says why.
 * Returns the unsubscribe.
 */
export function watchCatalogReopened(
  notify: (message: string) => void,
  reload: () => void = () => window.location.reload(),
) {
  return client.on('catalog.reopened', ({ closed, error, keptAside }) => {
    // Said with the restore it belongs to; a restore refused before closing drops it.
    const more = takeMore();
    if (!closed) {
      if (error) notify(error);
      return;
    }
    const saying: Saying = error
      ? { error: true, message: error }
      : {
          // A problem to act on stays until dismissed.
          error: more != null,
          message: `${
            keptAside
              ? `The backup is restored. The catalog it replaced is kept as ${keptAside}.`
              : 'The backup is restored.'
          }${more ? ` ${more}` : ''}`,
        };
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(saying));
    } finally {
      // Whatever it holds belongs to the catalog closed: it starts again even unsaid.
      reload();
    }
  });
}

/** What the reopening before this window's reload left to say, said once. */
export function afterReopen(notify: (message: string) => void, say: (message: string) => void) {
  let saying: Partial<Saying> | null;
  try {
    const stored = sessionStorage.getItem(storageKey);
    if (stored == null) return;
    sessionStorage.removeItem(storageKey);
    saying = JSON.parse(stored) as Partial<Saying>;
  } catch {
    // Storage refused or mangled: there is nothing to say, and the window starts all the same.
    return;
  }
  if (typeof saying?.message !== 'string') return;
  if (saying.error) notify(saying.message);
  else say(saying.message);
}

/**
 * Whether a notice says a restore did not happen, as the reopening said it or as the last
 * backup's failure ("Backups: …"): stale once the waiting restore is called off.
 */
export const isRestoreFailure = (notice: string) => notice.includes(notRestoredPrefix);
