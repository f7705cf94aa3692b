import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createKadarApi } from '../../electron/api/kadar-api';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const sent: unknown[][] = [];
const pages = [
  {
    getURL: () => 'app://kadar/index.html',
    isDestroyed: () => false,
    send: (...a: unknown[]) => sent.push(['ours', ...a]),
  },
  {
    getURL: () => 'https://evil.example/',
    isDestroyed: () => false,
    send: (...a: unknown[]) => sent.push(['foreign', ...a]),
  },
];

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  webContents: { getAllWebContents: () => pages },
}));

const { registerIpc } = await import('../../electron/shell/ipc');

afterAll(removeTempDirs);

describe('the IPC handlers', () => {
  const api = createKadarApi({
    catalogPath: join(tempDir(), 'catalog.sqlite'),
    shell: { kind: 'electron' },
  });
  const unregister = registerIpc(api);
  afterAll(async () => {
    unregister();
    await api.close();
  });
  const invoke = (frameUrl: string | undefined, method: unknown, input: unknown) =>
    handlers.get('kadar:invoke')!(
      { senderFrame: frameUrl === undefined ? null : { url: frameUrl } },
      method,
      input,
    );

  it('answer our own page through the contract', async () => {
    await expect(invoke('app://kadar/index.html', 'catalog.stats', {})).resolves.toMatchObject({
      ok: true,
      value: { photos: 0 },
    });
  });

  it('refuse other frames, and frames that navigated away', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', undefined]) {
      await expect(invoke(url, 'catalog.stats', {})).resolves.toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('own window') as string },
      });
    }
  });

  it('validate input and refuse unknown methods, changing nothing', async () => {
    await expect(
      invoke('app://kadar/index.html', 'roots.add', { path: 42 }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expect(
      invoke('app://kadar/index.html', 'roots.add', { path: '/x', extra: true }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expect(invoke('app://kadar/index.html', 'require', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await expect(
      invoke('app://kadar/index.html', 'roots.add', { path: '/no/such/folder' }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_FOUND' } });
    await expect(invoke('app://kadar/index.html', 'roots.list', {})).resolves.toEqual({
      ok: true,
      value: [],
    });
  });

  it('send events to our own page only', async () => {
    sent.length = 0;
    await invoke('app://kadar/index.html', 'roots.add', { path: tempDir() });
    expect(sent).toContainEqual([
      'ours',
      'kadar:event',
      'catalog.changed',
      { reason: 'roots', kinds: ['roots', 'photos'] },
    ]);
    expect(sent.some(([who]) => who === 'foreign')).toBe(false);
  });
});
