import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { createExiftoolReader } from '../../electron/indexer/exiftool-fallback';
import { exiftoolWrite, requireExiftool } from '../helpers/exiftool';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

requireExiftool();
afterAll(removeTempDirs);

it('gives up on a file exiftool hangs on, counting only its own turn, and reads the files queued behind it', async () => {
  const dir = tempDir();
  // A named pipe nobody writes to: exiftool opening it waits for ever, as on a hung network drive.
  const hung = join(dir, 'DSC_0001.JPG');
  execFileSync('mkfifo', [hung]);
  const next = join(dir, 'DSC_0002.JPG');
  writeFileSync(
    next,
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#884422' } })
      .jpeg()
      .toBuffer(),
  );
  exiftoolWrite(next, ['-Make=Kadar', '-Model=K-2']);

  const timeoutMs = 2000;
  const reader = createExiftoolReader({ readTimeoutMs: timeoutMs });
  try {
    const started = performance.now();
    const hungRead = reader.read(hung).then(
      () => ({ ok: true, ms: performance.now() - started }),
      (error: Error) => ({ ok: false, ms: performance.now() - started, message: error.message }),
    );
    // Asked right after, it waits its turn behind the hung file: longer than a timeout.
    const nextRead = reader.read(next).then((tags) => ({ tags, ms: performance.now() - started }));
    const gaveUp = await hungRead;
    expect(gaveUp.ok).toBe(false);
    // Given up once, not tried again (which would hold the one process another timeout).
    expect(gaveUp.ms).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(gaveUp.ms).toBeLessThan(2 * timeoutMs);
    const read = await nextRead;
    expect(read.tags).toMatchObject({ Make: 'Kadar', Model: 'K-2' });
    expect(read.ms).toBeGreaterThan(timeoutMs);
  } finally {
    await reader.end();
  }
}, 30_000);
