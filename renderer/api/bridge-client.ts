import type { KadarBridge, KadarClient } from '../../shared/api/client';
import { documentPath, electronImageUrl } from '../../shared/api/client';
import { isEventName, isMethodName } from '../../shared/api/api-names';
import type { EventName, EventPayload } from '../../shared/api/contract';
import { KadarError } from '../../shared/errors';

/** The contract over Electron IPC, through the two functions the preload exposes. */
export function createBridgeClient(bridge: KadarBridge): KadarClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  bridge.subscribe((event, payload) => {
    // Events come from Kadar's own main process, which validated them against the contract.
    if (!isEventName(event)) return;
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  return {
    async call(method, input) {
      if (!isMethodName(method))
        throw new KadarError('NOT_FOUND', `There is no API method ${String(method)}.`);
      const result = await bridge.invoke(method, input ?? {});
      if (!result.ok) throw new KadarError(result.error.code, result.error.message);
      return result.value as never;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    imageUrl: electronImageUrl,
    documentUrl: (kind, id, options) => `app://kadar/${documentPath(kind, id, options)}`,
  };
}
