import { documentPath, imageVersionQuery, type KadarClient } from '../../shared/api/client';
import { eventNames } from '../../shared/api/api-names';
import type { EventName, EventPayload } from '../../shared/api/contract';
import { isApiError, KadarError } from '../../shared/errors';

/**
 * The contract over the Node host: POST /api/<method>, server-sent events, and images by id.
 * The host set a cookie holding its token when the page loaded, so every request carries it.
 */
export function createHttpClient(base = ''): KadarClient {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const connect = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    for (const name of eventNames) {
      source.addEventListener(name, (event) => {
        // The host validated the payload against the contract before sending it.
        const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
        for (const listener of listeners.get(name) ?? [])
          (listener as (p: unknown) => void)(payload);
      });
    }
  };

  return {
    async call(method, input) {
      const response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        if (isApiError(body)) throw new KadarError(body.code, body.message);
        throw new KadarError('INTERNAL', `The Kadar host answered ${response.status}.`);
      }
      return body as never;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    imageUrl: (kind, photoId, version) =>
      `${base}/img/${kind}/${photoId}${imageVersionQuery(version)}`,
    documentUrl: (kind, id, options) => `${base}/${documentPath(kind, id, options)}`,
  };
}
