import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

function fakeElectron() {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 42 })),
    on: vi.fn((channel: string, l: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    }),
    removeListener: vi.fn((channel: string, l: Listener) => listeners.get(channel)?.delete(l)),
  };
  return {
    module: {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
      },
      ipcRenderer,
    },
    exposed,
    listeners,
    ipcRenderer,
  };
}

const bundle = fileURLToPath(new URL('../../dist/node/preload.cjs', import.meta.url));

/** Loads the built preload the way Electron's sandbox does: CommonJS with `require('electron')` only. */
function loadPreload(electron: ReturnType<typeof fakeElectron>) {
  const required: string[] = [];
  const module = { exports: {} };
  const requireInSandbox = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron.module;
  };
  // The bundle runs as Electron's sandbox runs a preload: a function of require/module/exports.
  const run = vm.runInThisContext(
    `(function (require, module, exports) {${readFileSync(bundle, 'utf8')}\n})`,
  ) as (r: typeof requireInSandbox, m: typeof module, e: object) => void;
  run(requireInSandbox, module, module.exports);
  return required;
}

describe('the preload', () => {
  it('exposes exactly invoke and subscribe on window.kadarBridge, and requires only electron', () => {
    const electron = fakeElectron();
    expect(loadPreload(electron)).toEqual(['electron']);
    expect([...electron.exposed.keys()]).toEqual(['kadarBridge']);
    const bridge = electron.exposed.get('kadarBridge') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('forwards calls to the invoke channel with the method name and input only', async () => {
    const electron = fakeElectron();
    loadPreload(electron);
    const bridge = electron.exposed.get('kadarBridge') as {
      invoke(m: unknown, i: unknown): Promise<unknown>;
    };
    await expect(bridge.invoke('photos.ids', { search: 'Niš' })).resolves.toEqual({
      ok: true,
      value: 42,
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('kadar:invoke', 'photos.ids', {
      search: 'Niš',
    });
    await bridge.invoke({ toString: () => 'roots.list' }, {});
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('kadar:invoke', 'roots.list', {});
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const electron = fakeElectron();
    loadPreload(electron);
    const bridge = electron.exposed.get('kadarBridge') as {
      subscribe(l: (...a: unknown[]) => void): () => void;
    };
    const received: unknown[][] = [];
    const stop = bridge.subscribe((...args) => received.push(args));
    const [handler] = [...electron.listeners.get('kadar:event')!];
    handler!({ sender: { send() {} }, senderId: 0 }, 'index.progress', { done: 1 });
    expect(received).toEqual([['index.progress', { done: 1 }]]);
    stop();
    expect(electron.listeners.get('kadar:event')!.size).toBe(0);
  });
});
