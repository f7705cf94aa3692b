import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { atomicTmpName, isDeadWritersTemp } from '../../electron/longevity/atomic-file';
import { runNodeScriptUnder, startNodeScript } from '../helpers/node-script';
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
    // The writer's flush never returns, so it is always killed between writing the
    // temporary file and renaming it: the moment a crash would leave half a file.
    const child = startNodeScript(
      `import fs from 'node:fs';
         import { syncBuiltinESMExports } from 'node:module';
         fs.fsyncSync = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
         syncBuiltinESMExports();
         const { writeFileAtomically } = await import(${JSON.stringify(atomicFile)});
         writeFileAtomically(${JSON.stringify(path)}, '<x:xmpmeta>the new sidecar</x:xmpmeta>');`,
      { stdio: 'ignore' },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const temps = () => readdirSync(dir).filter((n) => n !== 'DSC_2208.JPG.xmp');
    const written = () => {
      const [tmp] = temps();
      return tmp != null && readFileSync(join(dir, tmp), 'utf8').endsWith('</x:xmpmeta>');
    };
    const deadline = Date.now() + 30_000;
    while (!written() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(written()).toBe(true);
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

  it('keeps the old file when the new one cannot be written whole (a full drive, a size limit)', () => {
    const dir = tempDir();
    const path = join(dir, 'kadar-archive.json');
    writeFileSync(path, '{"the archive":"as it was"}');
    // Files may not grow past 8 KB in the child (ulimit -f counts 1 KB blocks): a write past
    // that is cut short without an error, as on a drive with 8 KB left, and then refused.
    const child = runNodeScriptUnder(
      'ulimit -f 8',
      `process.on('SIGXFSZ', () => {});
         const { writeFileAtomically } = await import(${JSON.stringify(atomicFile)});
         try {
           writeFileAtomically(${JSON.stringify(path)}, JSON.stringify({ big: 'x'.repeat(20000) }));
           console.log('written');
         } catch (error) {
           console.log(error.code);
         }`,
    );
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('EFBIG');
    expect(readFileSync(path, 'utf8')).toBe('{"the archive":"as it was"}');
    expect(readdirSync(dir)).toEqual(['kadar-archive.json']);
  }, 60_000);

  it("names a worker thread's temporary file apart, and knows it for a dead writer's", () => {
    expect(atomicTmpName('kadar-archive.json', 100, 3)).not.toBe(
      atomicTmpName('kadar-archive.json', 100, 0),
    );
    const dir = tempDir();
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    const name = atomicTmpName('kadar-archive.json', exited, 3);
    writeFileSync(join(dir, name), 'half');
    expect(isDeadWritersTemp(dir, name)).toBe(true);
    expect(isDeadWritersTemp(dir, atomicTmpName('kadar-archive.json', process.pid, 3))).toBe(false);
  });
});
