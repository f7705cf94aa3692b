import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi } from '../../electron/api/kadar-api';
import { documentsDirFor } from '../../electron/catalog/default-paths';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

// Electron's protocol module, as the shell's handlers see it: `handle` keeps the handler, and
// `net.fetch` reads a file: URL the way Electron's does.
type SchemeHandler = (request: Request) => Promise<Response>;
const schemes = new Map<string, SchemeHandler>();
vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: SchemeHandler) => schemes.set(scheme, handler),
    registerSchemesAsPrivileged: () => undefined,
  },
  net: { fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))) },
}));

const { handleSchemes } = await import('../../electron/shell/protocols');

afterAll(removeTempDirs);

const sample = fileURLToPath(new URL('../../assets/sample/', import.meta.url));
const agenda = join(sample, 'documents', 'agenda-cluster-training-nis.pdf');

describe("the desktop app's schemes", () => {
  const renderer = tempDir();
  const catalogPath = join(tempDir(), 'catalog.sqlite');
  const api = createKadarApi({
    catalogPath,
    threads: 1,
    shell: { kind: 'electron', openPath: (path) => Promise.resolve(void opened.push(path)) },
  });
  const opened: string[] = [];
  const call = <M extends Parameters<typeof callApi>[1]>(
    m: M,
    input: Parameters<typeof callApi<M>>[2],
  ) => callApi(api.handlers, m, input);
  const get = (url: string) => schemes.get(url.split(':')[0]!)!(new Request(url));
  let pdf: number;
  let sheet: number;

  beforeAll(async () => {
    mkdirSync(join(renderer, 'assets'));
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Kadar</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    handleSchemes(api, renderer);
    const event = await call('events.create', { title: 'Training', startsOn: '2015-11-19' });
    const sheetPath = join(tempDir(), 'budget.xlsx');
    writeFileSync(sheetPath, 'not really a spreadsheet');
    [pdf, sheet] = (
      await call('documents.attach', {
        owner: { eventId: event.id },
        sources: [{ path: agenda }, { path: sheetPath }],
      })
    ).map((d) => d.id) as [number, number];
  });
  afterAll(() => api.close());

  it('serve the renderer with its CSP from the files read at start, and nothing else', async () => {
    const index = await get('app://kadar/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; .*img-src 'self' kadar:/,
    );
    expect(await index.text()).toContain('<title>Kadar</title>');
    expect((await get('app://kadar/assets/app.js')).status).toBe(200);
    for (const url of [
      'app://kadar/assets/../../etc/passwd',
      'app://kadar/%2e%2e/%2e%2e/etc/passwd',
      'app://other/index.html',
      'app://kadar/missing.js',
      'kadar://image/thumb/999',
      'kadar://image/../../etc/passwd',
      'kadar://image/original/1',
    ])
      expect((await get(url)).status, url).toBe(404);
  });

  it('serve documents by id, inline or as a download, and their PDF thumbnails', async () => {
    const file = await get(`app://kadar/doc/file/${pdf}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename\*=UTF-8''agenda/);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(readFileSync(agenda));
    const download = await get(`app://kadar/doc/file/${sheet}?download`);
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename\*=UTF-8''budget\.xlsx$/,
    );
    const thumb = await get(`app://kadar/doc/thumb/${pdf}`);
    expect([thumb.status, thumb.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    for (const url of [
      `app://kadar/doc/thumb/${sheet}`,
      'app://kadar/doc/file/999',
      `app://kadar/doc/other/${pdf}`,
      'app://kadar/doc/file/../../etc/passwd',
    ])
      expect((await get(url)).status, url).toBe(404);
  });

  it('open a document with its app by id, and say so when its file is gone', async () => {
    await expect(call('shell.openDocument', { id: sheet })).resolves.toEqual({ opened: true });
    const copy = (await call('documents.list', { eventId: 1 })).find((d) => d.id === sheet)!;
    expect(copy.path.startsWith(documentsDirFor(catalogPath))).toBe(true);
    expect(opened).toEqual([copy.path]);
    rmSync(copy.path);
    await expect(call('shell.openDocument', { id: sheet })).rejects.toMatchObject({
      code: 'DOCUMENT_MISSING',
      message: expect.stringContaining('budget.xlsx') as string,
    });
    expect((await get(`app://kadar/doc/file/${sheet}`)).status).toBe(404);
  });
});
