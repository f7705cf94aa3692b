import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import type { ServedApi } from '../api/window-api';
import { ipcChannels, type CallResult } from '../../shared/api/client';
import { isTrustedSender } from './window-options';

/**
 * The contract over IPC: one channel for calls, one for events. Calls from any frame but our
 * own page are refused; input is validated by the contract's schemas in `api.call`.
 */
export function registerIpc(api: ServedApi): () => void {
  ipcMain.handle(
    ipcChannels.invoke,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<CallResult> => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Calls are only answered for Kadar’s own window.' },
        };
      }
      return api.call(method, input);
    },
  );
  const unsubscribe = api.onEvent((name, payload) => {
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isTrustedSender(contents.getURL()))
        contents.send(ipcChannels.event, name, payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(ipcChannels.invoke);
  };
}
