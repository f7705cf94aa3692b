import { apiEvents, type EventName, type EventPayload } from '../../shared/api/contract';
import { notRestoredPrefix } from '../../shared/api/not-restored';
import type { CallResult } from '../../shared/api/client';
import { KadarError, toApiError } from '../../shared/errors';
import { existsSync } from 'node:fs';
import type { RowCounts } from '../longevity/catalog-backup';
import { pendingRestoreFile, setAsideDamagedRestore } from '../longevity/restore-catalog';
import { verifyInWorker } from '../longevity/verify-in-worker';
import { createKadarApi, type KadarApi, type KadarApiOptions } from './kadar-api';

type Listener = (event: EventName, payload: unknown) => void;

/** What the transports (the HTTP host, Electron's IPC and protocols) use of the API. */
export type ServedApi = Pick<
  KadarApi,
  'call' | 'images' | 'documentFile' | 'onEvent' | 'warmUp' | 'close'
>;

/**
 * The API of a window's host for as long as the host runs: the same calls and events, over a
 * catalog that can be closed and opened again beneath them. A restore asked for from a window
 * happens at once: the catalog closes (running jobs stop, as when Kadar quits), the backup
 * takes its place, the catalog opens again, and `catalog.reopened` tells every window that
 * all it holds is stale (or, when the restore is refused before the catalog closes, why
 * nothing changed). Calls arriving meanwhile wait for the new catalog.
 */
export function createWindowApi(
  options: Omit<
    KadarApiOptions,
    'reopen' | 'applyPendingRestore' | 'pendingRestoreChecked' | 'restoreAnnounced'
  >,
): ServedApi & { readonly current: KadarApi | null } {
  const listeners = new Set<Listener>();
  const forward: Listener = (event, payload) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch {
        // A transport that cannot pass an event on (a closed stream) must not stop the others,
        // nor the reopening that announces.
      }
    }
  };
  let stopForwarding = () => {};
  let current: KadarApi | null = null;
  let closed = false;

  const open = (checked?: RowCounts, announced = false): KadarApi => {
    // Only a window's own opening carries out a restore asked for earlier: a command run
    // meanwhile beside it must not replace the catalog under it.
    const api = createKadarApi({
      ...options,
      applyPendingRestore: true,
      ...(checked ? { pendingRestoreChecked: checked } : {}),
      restoreAnnounced: announced,
      reopen,
    });
    stopForwarding = api.onEvent(forward);
    current = api;
    return api;
  };
  const announce = (payload: EventPayload<'catalog.reopened'>) =>
    forward('catalog.reopened', apiEvents['catalog.reopened'].parse(payload));
  const notRestored = (error: string, closed: boolean) =>
    announce({
      closed,
      error: `${notRestoredPrefix}${error}`,
      keptAside: null,
    });
  const shut = async (api: KadarApi | null, closeOptions?: { finalBackup?: boolean }) => {
    // Its last events (a run cancelled, the backup at quitting) still reach the windows.
    await api?.close(closeOptions);
    stopForwarding();
    current = null;
  };

  // A failure to open at the start is the host's to report, as before there was a window.
  let ready: Promise<KadarApi> = Promise.resolve(open());

  function reopen(): Promise<boolean> {
    const asking = current;
    ready = ready
      .catch(() => null)
      .then(async (api) => {
        // The call that asked for this (a restore) is still being answered: it goes first.
        await new Promise((resolve) => setImmediate(resolve));
        if (closed) {
          // Kadar quits meanwhile, as it would have: the restore waits for its next start.
          await shut(api);
          throw new KadarError('UNSUPPORTED', 'Kadar is closing.');
        }
        const pending = pendingRestoreFile(options.catalogPath);
        if (api && !existsSync(pending)) {
          // Called off, or restored by another Kadar opening the catalog meanwhile.
          notRestored('the copy waiting to be restored is gone.', false);
          return api;
        }
        // Checked again in a worker, so this thread (Electron's main) is not held by the
        // integrity check; a copy damaged since it was asked for changes nothing at all.
        let checked: RowCounts | undefined;
        try {
          if (existsSync(pending)) checked = await verifyInWorker(pending);
        } catch (error) {
          let why = toApiError(error).message;
          // Only a copy that failed its check is set aside; one the check could not even
          // run on (the worker did not start) stays waiting for the next start.
          if (toApiError(error).code === 'BACKUP_FAILED') {
            try {
              why = setAsideDamagedRestore(options.catalogPath, error).error;
            } catch {
              // Left waiting: the next start checks it again, and says so again.
            }
          }
          // Still open (the usual case): the windows keep what they show.
          notRestored(why, api == null);
          if (api) return api;
        }
        try {
          await shut(api, { finalBackup: false });
        } catch {
          // The catalog itself is closed whatever failed before it (kadar-api.ts); what did
          // fail (a job's last write) is not the restore's to report.
        }
        let next: KadarApi;
        try {
          next = open(checked, true);
        } catch (error) {
          announce({
            closed: true,
            error: `The catalog could not be opened again (${toApiError(error).message}). Close Kadar and open it again.`,
            keptAside: null,
          });
          throw error;
        }
        const restored = next.restored;
        if (!restored) notRestored('the copy waiting to be restored was gone.', true);
        else if ('error' in restored) notRestored(restored.error, true);
        else announce({ closed: true, error: null, keptAside: restored.keptAside });
        return next;
      });
    // Said by the event and by every call's answer.
    ready.catch(() => undefined);
    return ready.then(
      (api) => api !== asking,
      () => true,
    );
  }

  return {
    get current() {
      return current;
    },
    async call(method: unknown, input: unknown): Promise<CallResult> {
      let api: KadarApi;
      try {
        api = await ready;
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
      return api.call(method, input);
    },
    images: async (kind, photoId) => (await ready).images(kind, photoId),
    documentFile: async (kind, id) => (await ready).documentFile(kind, id),
    warmUp: () => void ready.then((api) => api.warmUp()).catch(() => undefined),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close(closeOptions) {
      closed = true;
      await shut(await ready.catch(() => null), closeOptions);
    },
  };
}
