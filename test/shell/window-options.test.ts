import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appEntry,
  isExternalLink,
  isTrustedSender,
  mainWindowOptions,
} from '../../electron/shell/window-options';
import { defaultWindowState, restoreWindowState } from '../../electron/shell/window-state';

describe('the main window', () => {
  it('isolates the renderer: no Node, context isolation, the OS sandbox, no webviews', () => {
    const options = mainWindowOptions('/app/dist/node/preload.cjs', { width: 1200, height: 800 });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/node/preload.cjs',
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
    });
    expect(options).toMatchObject({ width: 1200, height: 800, show: false });
  });

  it('answers IPC only from its own page', () => {
    expect(appEntry).toBe('app://kadar/index.html');
    expect(isTrustedSender('app://kadar/index.html')).toBe(true);
    expect(isTrustedSender('app://kadar/index.html#viewer')).toBe(true);
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'app://other/index.html',
      'kadar://image/thumb/1',
      'about:blank',
      '',
      undefined,
      'not a url',
    ]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });

  it('hands only https links to the system browser', () => {
    expect(isExternalLink('https://www.interreg-ipa.eu/')).toBe(true);
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://kadar/x',
      'smb://server/share',
    ]) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });

  it('restores the last bounds only when they are on a connected display', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadar-window-'));
    const display = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(restoreWindowState(dir, [display])).toEqual(defaultWindowState);
    writeFileSync(
      join(dir, 'window-state.json'),
      JSON.stringify({ x: 100, y: 80, width: 1000, height: 700, maximized: true }),
    );
    expect(restoreWindowState(dir, [display])).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: true,
    });
    writeFileSync(
      join(dir, 'window-state.json'),
      JSON.stringify({ x: 2500, y: 80, width: 1000, height: 700 }),
    );
    expect(restoreWindowState(dir, [display])).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    writeFileSync(join(dir, 'window-state.json'), '{"width": "wide"}');
    expect(restoreWindowState(dir, [display])).toEqual(defaultWindowState);
  });
});
