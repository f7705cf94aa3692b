import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isDeadWritersTemp } from '../../electron/longevity/atomic-file';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

afterAll(removeTempDirs);

const atomicFile = fileURLToPath(
  new URL('../../electron/longevity/atomic-file.ts', import.meta.url),
);

describe('writeFileAtomically', () => {
  it('leaves the old file whole, and only a hidden temporary file, when the writer is killed mid-write', async () => {
    const dir = tempDir();
    const path = join(dir, 'DSC_2208.JPG.xmp');
    writeFileSync(path, 'the sidecar as it was');
    // Large enough that writing and flushing it takes a while to be killed in.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { writeFileAtomically } = await import(${JSON.stringify(atomicFile)});
         writeFileAtomically(${JSON.stringify(path)}, 'x'.repeat(400_000_000));`,
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const temps = () => readdirSync(dir).filter((n) => n !== 'DSC_2208.JPG.xmp');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const [tmp] = temps();
      if (tmp && statSync(join(dir, tmp)).size > 0) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(readFileSync(path, 'utf8')).toBe('the sidecar as it was');
    const [tmp] = temps();
    expect(temps()).toEqual([
      expect.stringMatching(/^\.DSC_2208\.JPG\.xmp\.kadar-[0-9a-f]{8}-\d+\.tmp$/),
    ]);
    // Its writer is gone: the next writer in the folder may clear it.
    expect(isDeadWritersTemp(dir, tmp!)).toBe(true);
  }, 60_000);
});
