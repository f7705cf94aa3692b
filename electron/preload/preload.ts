import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels, type CallResult, type KadarBridge } from '../../shared/api/client';

/**
 * The renderer's whole reach into the app: call a contract method, hear its events. Neither
 * ipcRenderer nor any Node object crosses the bridge.
 */
const bridge: KadarBridge = {
  invoke: (method: string, input: unknown) =>
    ipcRenderer.invoke(ipcChannels.invoke, String(method), input) as Promise<CallResult>,
  subscribe(listener: (event: string, payload: unknown) => void) {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown) =>
      listener(name, payload);
    ipcRenderer.on(ipcChannels.event, handler);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('kadarBridge', bridge);
