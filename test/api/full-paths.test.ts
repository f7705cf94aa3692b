import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import { isFullPath } from '../../shared/api/domains/common';
import type { MethodInput, MethodName } from '../../shared/api/contract';
import { runCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

let api: KadarApi;
let dir: string;

beforeAll(() => {
  dir = tempDir();
  api = createKadarApi({ catalogPath: join(dir, 'catalog.sqlite') });
});
afterAll(async () => {
  await api.close({ finalBackup: false });
  removeTempDirs();
});

/** Every request naming a file or folder, with a relative one: `field` names it in the answer. */
const relative: { [M in MethodName]?: { input: MethodInput<M>; field: string; given: string } } = {
  'roots.add': { input: { path: 'Photos/2015' }, field: 'path', given: 'Photos/2015' },
  'documents.attach': {
    input: { owner: { eventId: 1 }, sources: [{ path: 'poziv.pdf' }] },
    field: 'sources.0.path',
    given: 'poziv.pdf',
  },
  'export.start': {
    input: { source: { kind: 'event', id: 1 }, presetName: 'Website', outDir: 'web' },
    field: 'outDir',
    given: 'web',
  },
  'backups.create': { input: { out: 'before.sqlite' }, field: 'out', given: 'before.sqlite' },
  'backups.restore': { input: { path: './kadar.sqlite' }, field: 'path', given: './kadar.sqlite' },
  'backups.setSecondFolder': {
    input: { folder: 'E:backups' },
    field: 'folder',
    given: 'E:backups',
  },
  'archive.export': { input: { path: 'archive.json' }, field: 'path', given: 'archive.json' },
  'archive.import': { input: { path: '../archive.json' }, field: 'path', given: '../archive.json' },
};

describe('paths in requests', () => {
  it('are refused when relative, naming the field and what was given, by every method', async () => {
    for (const [method, { input, field, given }] of Object.entries(relative)) {
      const answer = await dispatch(api.handlers, method, input);
      expect(answer, method).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Invalid input for ${method}: ${field}: ${given} is not a full path: give it from the top of the drive (/home/… or C:\\…).`,
        },
      });
    }
  });

  it('are taken exactly as given: a folder whose name ends in a space is that folder', async () => {
    const spaced = join(dir, 'Niš 2015 ');
    mkdirSync(spaced);
    expect(await dispatch(api.handlers, 'roots.add', { path: spaced })).toMatchObject({ ok: true });
    expect(await dispatch(api.handlers, 'roots.list', {})).toMatchObject({
      ok: true,
      value: [{ path: spaced }],
    });
  });

  it('are full as the computer the catalog is on says: from / here, from a drive or a share on Windows', () => {
    expect(isFullPath('/home/ana/Slike', 'linux')).toBe(true);
    for (const part of ['Slike', './Slike', '../Slike', '~/Slike', 'C:\\Kadar', 'e:/backups', ''])
      expect(isFullPath(part, 'linux'), part).toBe(false);
    for (const full of ['C:\\Kadar', 'e:/backups', '\\\\nas\\foto'])
      expect(isFullPath(full, 'win32'), full).toBe(true);
    // Relative to the current drive or folder there.
    for (const part of ['\\Users\\ana', '/Users/ana', 'C:Kadar', 'Slike'])
      expect(isFullPath(part, 'win32'), part).toBe(false);
    // This test runs on the computer of its catalog.
    expect(isFullPath('C:\\Kadar')).toBe(process.platform === 'win32');
  });

  it('typed relative at the command line are taken from the folder the command runs in', async () => {
    const cwd = tempDir();
    const catalog = join(cwd, 'catalog.sqlite');
    const backup = await runCli(['--catalog', catalog, 'backup', '--out', 'before.sqlite'], {
      cwd,
    });
    expect(backup.code, backup.stderr).toBe(0);
    expect(existsSync(join(cwd, 'before.sqlite'))).toBe(true);
    const archive = await runCli(['--catalog', catalog, 'archive', 'export', 'archive.json'], {
      cwd,
    });
    expect(archive.code, archive.stderr).toBe(0);
    expect(existsSync(join(cwd, 'archive.json'))).toBe(true);
    // An empty one is still refused, not taken for the folder itself.
    const empty = await runCli(['--catalog', catalog, 'backup', '--out', '']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('out: Give a file');
  });
});
