import { apiEvents, type EventName } from '../../shared/api/contract';
import type { CallResult } from '../../shared/api/client';
import { toApiError } from '../../shared/errors';
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
 * all it holds is stale. Calls arriving meanwhile wait for the new catalog.
 */
export function createWindowApi(
  options: Omit<KadarApiOptions, 'reopen' | 'applyPendingRestore'>,
): ServedApi & { readonly current: KadarApi | null } {
  const listeners = new Set<Listener>();
  const forward: Listener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  let stopForwarding = () => {};
  let current: KadarApi | null = null;
  let closed = false;

  const open = (): KadarApi => {
    // Only a window's own opening carries out a restore asked for earlier: a command run
    // meanwhile beside it must not replace the catalog under it.
    const api = createKadarApi({ ...options, applyPendingRestore: true, reopen });
    stopForwarding = api.onEvent(forward);
    current = api;
    return api;
  };
  const announce = (payload: { error: string | null; keptAside: string | null }) =>
    forward('catalog.reopened', apiEvents['catalog.reopened'].parse(payload));

  // A failure to open at the start is the host's to report, as before there was a window.
  let ready: Promise<KadarApi> = Promise.resolve(open());

  function reopen(): void {
    ready = ready
      .catch(() => null)
      .then(async (api) => {
        // The call that asked for this (a restore) is still being answered: it goes first.
        await new Promise((resolve) => setImmediate(resolve));
        if (closed) throw new Error('Kadar is closing.');
        if (api) {
          stopForwarding();
          current = null;
          await api.close({ finalBackup: false });
        }
        try {
          const next = open();
          const restored = next.restored;
          announce(
            restored && 'error' in restored
              ? {
                  error: `The backup was not restored, and the catalog is as it was: ${restored.error}`,
                  keptAside: null,
                }
              : { error: null, keptAside: restored?.keptAside ?? null },
          );
          return next;
        } catch (error) {
          announce({
            error: `The catalog could not be opened again (${toApiError(error).message}). Close Kadar and open it again.`,
            keptAside: null,
          });
          throw error;
        }
      });
    // Said by the event and by every call's answer; nothing else awaits it.
    ready.catch(() => undefined);
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
      const api = await ready.catch(() => null);
      stopForwarding();
      current = null;
      await api?.close(closeOptions);
    },
  };
}
