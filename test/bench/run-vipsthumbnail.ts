import { spawn } from 'node:child_process';

function vipsthumbnail(files: string[], outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('vipsthumbnail', ['-s', '320', '-o', `${outDir}/tn_%s.jpg`, ...files], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vipsthumbnail exited with ${code}: ${stderr}`)),
    );
  });
}

/**
 * Thumbnails `files` into `outDir` the way a tuned command-line batch would on this machine:
 * one vipsthumbnail process per core, each given half the list. Returns the wall-clock
 * milliseconds until both have finished.
 */
export async function timeVipsthumbnail(files: string[], outDir: string): Promise<number> {
  const half = Math.ceil(files.length / 2);
  const started = performance.now();
  await Promise.all([
    vipsthumbnail(files.slice(0, half), outDir),
    vipsthumbnail(files.slice(half), outDir),
  ]);
  return performance.now() - started;
}
