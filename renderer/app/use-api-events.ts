import { useEffect } from 'react';
import { client } from '../api/client';
import { invalidateKinds } from '../api/server-data';
import { isBackupFailure, watchBackupFailures } from '../backups/backup-failures';
import { afterReopen, watchCatalogReopened } from '../backups/catalog-reopened';
import { useKadar } from '../store/store';
import { createRefreshScheduler } from './refresh-scheduler';

/** Changes arrive about once a second while indexing; each burst becomes one refresh. */
const refreshDelayMs = 300;

/**
 * Listens to the catalog's events, then loads the app. Subscribing first means a run that
 * starts while the first calls are under way is still heard.
 */
export function useApiEvents(): void {
  useEffect(() => {
    const store = useKadar.getState();
    const refresh = createRefreshScheduler(() => store.refreshAll(), refreshDelayMs);
    const backups = watchBackupFailures(
      (message) => store.notify(message),
      () => {
        for (const n of useKadar.getState().notices)
          if (isBackupFailure(n.message)) store.dismissNotice(n.id);
      },
    );
    const unsubscribe = [
      backups.stop,
      watchCatalogReopened((message) => store.notify(message)),
      client.on('index.progress', (progress) => store.onIndexProgress(progress)),
      client.on('index.finished', (summary) => store.onIndexFinished(summary)),
      client.on('catalog.changed', ({ kinds }) => {
        invalidateKinds(kinds);
        refresh.request();
      }),
    ];
    // It names where the replaced catalog is kept: it stays until dismissed.
    afterReopen(
      (message) => store.notify(message),
      (message) => store.say(message, { stay: true }),
    );
    void store.boot().then(() => backups.checkLast());
    return () => {
      for (const off of unsubscribe) off();
      refresh.cancel();
    };
  }, []);
}
