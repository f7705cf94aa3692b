import { client } from '../api/client';

// What to say once the window has started again, kept across the reload.
const storageKey = 'kadar.afterReopen';

/**
 * When the catalog is closed and opened again under the window (a backup restored), the window
 * starts afresh: every id, page and selection it holds belongs to the catalog replaced. Every
 * window reloads, and says what happened once it is back. Returns the unsubscribe.
 */
export function watchCatalogReopened(
  notify: (message: string) => void,
  reload: () => void = () => window.location.reload(),
): () => void {
  return client.on('catalog.reopened', ({ error, keptAside }) => {
    if (error) return notify(error);
    sessionStorage.setItem(
      storageKey,
      keptAside
        ? `The backup is restored. The catalog it replaced is kept as ${keptAside}.`
        : 'The backup is restored.',
    );
    reload();
  });
}

/** What the reopening before this window's reload left to say, said once. */
export function afterReopen(say: (message: string) => void): void {
  const message = sessionStorage.getItem(storageKey);
  if (message == null) return;
  sessionStorage.removeItem(storageKey);
  say(message);
}
