import type { KadarBridge, KadarClient } from '../../shared/api/client';
import { createBridgeClient } from './bridge-client';
import { createHttpClient } from './http-client';

declare global {
  interface Window {
    /** Present only in Electron, put there by the preload. */
    kadarBridge?: KadarBridge;
  }
}

/** The one client the whole renderer uses: Electron's bridge when present, else the host. */
export const client: KadarClient = window.kadarBridge
  ? createBridgeClient(window.kadarBridge)
  : createHttpClient();
