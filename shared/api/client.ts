import type { ApiError } from '../errors';
import type {
  EventName,
  EventPayload,
  ImageKind,
  MethodInput,
  MethodName,
  MethodOutput,
} from './contract';
import type { DocumentFileKind } from './domains/documents';

/** What the renderer holds: the contract, whichever transport carries it. */
export interface KadarClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * The URL of a photo's thumbnail or preview: by id, never by path. With the photo's
   * fingerprint as `version`, the browser keeps the image for good and fetches the new one
   * when the file changes; without, it asks each time whether it changed.
   */
  imageUrl(kind: ImageKind, photoId: number, version?: string | null): string;
  /** The URL of a document's file or first-page thumbnail: by id, on the page's own origin. */
  documentUrl(kind: DocumentFileKind, documentId: number, options?: { download?: boolean }): string;
}

/** Both transports serve documents beside the renderer, at doc/<kind>/<id>. */
export const documentPath = (
  kind: DocumentFileKind,
  documentId: number,
  options: { download?: boolean } = {},
) => `doc/${kind}/${documentId}${options.download ? '?download=1' : ''}`;

/** How a call's outcome crosses a process boundary. */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * The surface Electron's preload exposes on `window.kadarBridge`: two functions and nothing
 * that reaches Node, IPC or the file system.
 */
export interface KadarBridge {
  invoke(method: string, input: unknown): Promise<CallResult>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** Both transports name an image's version (the photo's fingerprint) with `?v=`. */
export const imageVersionQuery = (version?: string | null) =>
  version ? `?v=${encodeURIComponent(version)}` : '';

/** The custom protocol Electron serves images on: kadar://image/<kind>/<photo id>. */
export const imageProtocol = 'kadar';
export const electronImageUrl = (kind: ImageKind, photoId: number, version?: string | null) =>
  `${imageProtocol}://image/${kind}/${photoId}${imageVersionQuery(version)}`;

/** The two IPC channels between Electron's preload and main process. */
export const ipcChannels = { invoke: 'kadar:invoke', event: 'kadar:event' } as const;
