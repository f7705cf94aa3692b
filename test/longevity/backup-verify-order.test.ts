import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi } from '../../electron/api/kadar-api';
import { backupsDirFor } from '../../electron/catalog/default-paths';
import { dailyBackup } from '../../electron/longevity/backup-rotation';
import type * as VerifyModule from '../../electron/longevity/verify-in-worker';
import { KadarError } from '../../shared/errors';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

// The check of each new backup, made to fail on demand: the order of "check, then rotate"
// is what is tested, and a backup that fails its check cannot be made on purpose otherwise.
const check = vi.hoisted(() => ({ fail: false }));
vi.mock('../../electron/longevity/verify-in-worker', async (importOriginal) => {
  const real = await importOriginal<typeof VerifyModule>();
  return {
    verifyInWorker: (...args: Parameters<typeof real.verifyInWorker>) =>
      check.fail
        ? Promise.reject(new KadarError('BACKUP_FAILED', 'the integrity check says: page 7'))
        : real.verifyInWorker(...args),
  };
});

afterAll(removeTempDirs);

describe('daily backups', () => {
  it('remove no old backup when the new one fails its check, and leave nothing half-made', async () => {
    const catalogPath = join(tempDir(), 'catalog.sqlite');
    const api = createKadarApi({ catalogPath });
    try {
      await callApi(api.handlers, 'galleries.create', { name: 'Something to back up' });
      for (let d = 1; d <= 9; d++)
        await dailyBackup(api.db, catalogPath, { now: new Date(2026, 9, d, 12) });
      const dir = backupsDirFor(catalogPath);
      const before = readdirSync(dir).sort();
      expect(before.length).toBeGreaterThan(6);

      check.fail = true;
      await expect(
        dailyBackup(api.db, catalogPath, { now: new Date(2026, 9, 20, 12) }),
      ).rejects.toMatchObject({
        code: 'BACKUP_FAILED',
        message: expect.stringContaining('page 7') as string,
      });
      expect(readdirSync(dir).sort()).toEqual(before);

      // The same backup, checked: now the oldest go.
      check.fail = false;
      const made = await dailyBackup(api.db, catalogPath, { now: new Date(2026, 9, 20, 12) });
      expect(made.removed.length).toBeGreaterThan(0);
      expect(readdirSync(dir)).toContain('kadar-2026-10-20.sqlite');
    } finally {
      await api.close();
    }
  });
});
