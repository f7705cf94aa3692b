import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheDirFor } from '../../electron/catalog/default-paths';
import { cachedImagePath } from '../../electron/catalog/thumbnail-cache';
import type { IndexSummary } from '../../shared/api/progress-schema';
import { repoFixtures, readManifest } from '../helpers/fixtures';
import { cliPath, parseJson, runCli } from '../helpers/run-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

function committedRows(catalog: string): number {
  try {
    const db = new Database(catalog, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe('a killed indexing run', () => {
  it('leaves a consistent catalog, and the next run finishes without duplicates', async () => {
    const library = tempDir();
    const sources = readManifest(repoFixtures).filter(
      (r) => r.file_type && r.file_type !== 'XMP' && !r.path.startsWith('broken/'),
    );
    const copies = 6;
    for (let copy = 0; copy < copies; copy++) {
      for (const row of sources) {
        const target = join(library, `card${copy}`, row.path);
        mkdirSync(join(target, '..'), { recursive: true });
        writeFileSync(
          target,
          Buffer.concat([readFileSync(join(repoFixtures, row.path)), Buffer.from(`card ${copy}`)]),
        );
      }
    }
    const total = sources.length * copies;
    const catalog = join(tempDir(), 'catalog.sqlite');

    const child = spawn(
      process.execPath,
      [cliPath, '--catalog', catalog, 'index', library, '--progress', 'ndjson', '--threads', '1'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Kill it for real once some batches are committed and plenty are still to come.
    let killedAt = -1;
    while (killedAt < 0) {
      await new Promise((r) => setTimeout(r, 100));
      const rows = committedRows(catalog);
      if (rows > 0) {
        child.kill('SIGKILL');
        killedAt = rows;
      }
      if (child.exitCode != null) throw new Error('kadar finished before it could be killed');
    }
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });

    const db = new Database(catalog);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const kept = db.prepare('SELECT id, rel_path FROM photos ORDER BY id').all() as {
      id: number;
      rel_path: string;
    }[];
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(total);
    expect(db.prepare(`SELECT status FROM index_runs`).all()).toEqual([{ status: 'running' }]);
    db.close();

    const resumed = parseJson<IndexSummary>(
      await runCli(['--catalog', catalog, 'index', library, '--json']),
    );
    expect(resumed).toMatchObject({
      status: 'completed',
      found: total,
      added: total - kept.length,
      unchanged: kept.length,
      missing: 0,
    });

    const after = new Database(catalog, { readonly: true });
    expect(
      after.prepare('SELECT count(*) AS n, count(DISTINCT rel_path) AS paths FROM photos').get(),
    ).toEqual({ n: total, paths: total });
    const sameIds = after
      .prepare('SELECT id, rel_path FROM photos WHERE id <= ? ORDER BY id')
      .all(kept.at(-1)!.id);
    expect(sameIds).toEqual(kept);
    expect(after.prepare('SELECT status, message FROM index_runs ORDER BY id').all()).toEqual([
      { status: 'failed', message: 'Interrupted: the indexing process stopped before finishing' },
      { status: 'completed', message: null },
    ]);
    // Thumbnails are renamed into place whole, so every one a photo points to decodes.
    const keys = after
      .prepare('SELECT DISTINCT thumb_key AS key FROM photos WHERE thumb_key IS NOT NULL')
      .all() as { key: string }[];
    expect(keys.length).toBeGreaterThan(total / 2);
    for (const { key } of keys) {
      const meta = await sharp(cachedImagePath(cacheDirFor(catalog), 'thumbs', key)).metadata();
      expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(320);
    }
    after.close();
  });
});
