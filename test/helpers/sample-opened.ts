import type { KadarApi } from '../../electron/api/kadar-api';

/**
 * Resolves when the sample archive `sample.open` started is complete: its photos indexed and
 * linked to their events, then its documents attached.
 */
export function sampleOpened(api: KadarApi): Promise<void> {
  return new Promise<void>((resolve) =>
    api.onEvent((name, payload) => {
      const changed = payload as { reason?: string; kinds?: string[] };
      if (
        name === 'catalog.changed' &&
        changed.reason === 'sample' &&
        changed.kinds?.includes('documents')
      )
        resolve();
    }),
  );
}
