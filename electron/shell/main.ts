import { app, BrowserWindow, dialog, Menu, screen, session, shell } from 'electron';
import { KadarError } from '../../shared/errors';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { callThrough } from '../api/dispatch';
import { createWindowApi, type ServedApi } from '../api/window-api';
import { defaultDataDir, resolveCatalogPath } from '../catalog/default-paths';
import { rendererDir } from '../host/renderer-dir';
import { toApiError } from '../../shared/errors';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { handleSchemes, registerSchemes } from './protocols';
import { appEntry, isExternalLink, mainWindowOptions } from './window-options';
import { restoreWindowState, saveWindowState } from './window-state';

// The same per-user folder the CLI and the browser host use (see default-paths.ts).
app.setName('Kadar');
app.setPath('userData', defaultDataDir());
registerSchemes();

let window: BrowserWindow | null = null;
let api: ServedApi | null = null;

function createWindow(): BrowserWindow {
  const stateDir = app.getPath('userData');
  const state = restoreWindowState(
    stateDir,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const preload = fileURLToPath(new URL('./preload.cjs', import.meta.url));
  const win = new BrowserWindow(mainWindowOptions(preload, state));
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(stateDir, win.getNormalBounds(), win.isMaximized()));
  void win.loadURL(appEntry);
  return win;
}

async function pickFolder(): Promise<string | null> {
  const options = { title: 'Add a folder of photos', properties: ['openDirectory' as const] };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function pickDocuments(): Promise<string[]> {
  const options = {
    title: 'Attach documents',
    properties: ['openFile' as const, 'multiSelections' as const],
  };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

// Every web contents: no navigation away from our page, no new windows, no webviews;
// https links open in the system browser.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (url !== appEntry) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app
    .whenReady()
    .then(() => {
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
        callback(false),
      );
      const catalogPath = resolveCatalogPath();
      // A restore asked for from the window closes the catalog and opens the backup at once.
      api = createWindowApi({
        catalogPath,
        // Daily while the app is open, and at quit.
        autoBackup: {},
        ...(process.env.KADAR_SQLITE_BINDING
          ? { nativeBinding: process.env.KADAR_SQLITE_BINDING }
          : {}),
        shell: {
          kind: 'electron',
          pickFolder,
          pickDocuments,
          showInFolder: (path) => shell.showItemInFolder(path),
          openPath: async (path) => {
            // Electron answers an error message instead of throwing.
            const failure = await shell.openPath(path);
            if (failure) throw new KadarError('FILE_UNREADABLE', `${path}: ${failure}`);
          },
        },
      });
      const kadar = api;
      handleSchemes(kadar, rendererDir());
      registerIpc(kadar);
      const addFolder = async () => {
        const path = await pickFolder();
        if (!path) return;
        try {
          const { rootId } = await callThrough(kadar.call, 'roots.add', { path });
          await callThrough(kadar.call, 'index.start', { rootIds: [rootId] });
        } catch (error) {
          dialog.showErrorBox('Kadar', toApiError(error).message);
        }
      };
      Menu.setApplicationMenu(
        buildMenu(
          {
            addFolder: () => void addFolder(),
            openSample: () => void kadar.call('sample.open', {}),
            rescan: () => void kadar.call('index.start', {}),
            showCatalogFolder: () => void shell.openPath(dirname(catalogPath)),
          },
          !app.isPackaged,
        ),
      );
      window = createWindow();
      // While the window loads its page, the first screen's ids are read.
      setImmediate(() => kadar.warmUp());
      window.on('closed', () => (window = null));
      app.on('activate', () => {
        if (!window) window = createWindow();
      });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Kadar cannot start', toApiError(error).message);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('before-quit', (event) => {
    if (!api || closing) return;
    // Let a running index flush its last batch and the workers exit before the process does.
    event.preventDefault();
    closing = true;
    void api.close().finally(() => app.quit());
  });
}
