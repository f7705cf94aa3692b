import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/**
 * The main window: the renderer is an untrusted web page that reaches the catalog only
 * through the preload's two functions. No Node, an isolated context, the OS sandbox.
 */
export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowBounds,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Kadar',
    show: false,
    backgroundColor: '#1e1f22',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** The origin the renderer is served from, and the only one whose IPC messages are answered. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://kadar`;
export const appEntry = `${appOrigin}/index.html`;

/** Links the renderer may hand to the system browser: https only. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Whether an IPC message comes from our own page (not a navigated-away or foreign frame). */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    // WHATWG URL gives custom schemes an opaque origin, so compare scheme and host instead.
    const url = new URL(frameUrl);
    return url.protocol === `${appScheme}:` && url.host === 'kadar';
  } catch {
    return false;
  }
}
