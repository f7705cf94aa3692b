import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexSummarySchema, type IndexSummary } from '../../shared/api/progress-schema';
import { benchCacheDir } from './bench-cache';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const snapshotRoot = join(benchCacheDir, 'kadar-cli');
let kadarPath: string | null = null;

/**
 * Copies the bundle the npm script has just built (`dist/node`, what users run as `kadar`) and
 * runs that copy from then on: a build started by something else during a long benchmark
 * would otherwise swap or delete the files under the running CLI. The copy keeps the
 * bundle's place relative to package.json, which it reads, and stays inside the repository
 * so its external packages still resolve from node_modules.
 */
function snapshotCli(): string {
  if (kadarPath) return kadarPath;
  rmSync(snapshotRoot, { recursive: true, force: true });
  cpSync(join(repoRoot, 'dist', 'node'), join(snapshotRoot, 'dist', 'node'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(snapshotRoot, 'package.json'));
  for (const needed of ['kadar.cjs', 'kadar.js', 'index-worker.js', 'scan-worker.js', 'migrations'])
    if (!existsSync(join(snapshotRoot, 'dist', 'node', needed)))
      throw new Error(`dist/node has no ${needed}: run npm run build:node first.`);
  kadarPath = join(snapshotRoot, 'dist', 'node', 'kadar.cjs');
  return kadarPath;
}

export interface KadarRun {
  /** Wall clock from spawn to exit, in milliseconds: start-up and shut-down included. */
  ms: number;
  stdout: string;
  stderr: string;
  /** The highest VmHWM seen, in MiB, when memory was watched. */
  peakRssMb: number | null;
}

/** Peak resident set size so far, in KiB. One figure for the whole process, worker threads included. */
function highWaterMark(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null; // the process has just exited
  }
}

/**
 * Runs the built CLI (or another build's, `cli`) and times it. With `watchMemory`, polls the process's VmHWM every 50 ms:
 * the kernel keeps the peak, so a spike between polls is still seen by the next poll; only
 * a peak in the final 50 ms before exit could be missed.
 */
export function runKadar(
  args: string[],
  watchMemory = false,
  cli: string = snapshotCli(),
): Promise<KadarRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const poll = () => {
      if (child.pid != null) peakKb = Math.max(peakKb, highWaterMark(child.pid) ?? 0);
    };
    const timer = watchMemory ? setInterval(poll, 50) : null;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('exit', () => {
      if (timer) clearInterval(timer);
    });
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`kadar ${args.join(' ')} exited with ${code}:\n${stderr}${stdout}`));
        return;
      }
      resolve({ ms, stdout, stderr, peakRssMb: watchMemory ? peakKb / 1024 : null });
    });
  });
}

/** The `--json` summary of `kadar index` or `kadar rescan`, checked against its schema. */
export function indexSummary(run: KadarRun): IndexSummary {
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    throw new Error(`kadar printed no JSON summary:\n${run.stdout}\n${run.stderr}`);
  }
  return indexSummarySchema.parse(json);
}

/** Throws, showing the whole summary, unless every `expected` count matches. */
export function expectSummary(
  what: string,
  summary: IndexSummary,
  expected: Partial<
    Pick<
      IndexSummary,
      'status' | 'found' | 'added' | 'updated' | 'unchanged' | 'failed' | 'missing'
    >
  >,
): void {
  const wrong = Object.entries(expected).filter(
    ([key, value]) => summary[key as keyof typeof expected] !== value,
  );
  if (wrong.length > 0 || summary.issues.length > 0) {
    throw new Error(
      `${what}: expected ${JSON.stringify(expected)} and no issues, but kadar reported:\n` +
        JSON.stringify({ ...summary, failures: summary.failures.slice(0, 5) }, null, 2),
    );
  }
}
