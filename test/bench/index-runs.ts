import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childCpuSeconds, watchOtherCpu } from './machine-load';
import { expectSummary, indexSummary, runKadar } from './run-kadar';
import { timeVipsthumbnail } from './run-vipsthumbnail';
import { seconds } from './stats';

/**
 * The two sides of bench:index, each one run: `kadar index` of the corpus into a fresh catalog
 * (the built CLI, or another build's), and vipsthumbnail making the same thumbnails
 * in two processes. Each checks it made every thumbnail; each returns wall-clock milliseconds.
 */
export async function kadarIndexRun(dir: string, count: number, cli?: string): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), 'kadar-bench-index-'));
  try {
    const run = await runKadar(
      ['--catalog', join(tmp, 'c.sqlite'), 'index', dir, '--json', '--progress', 'none'],
      false,
      cli,
    );
    expectSummary('kadar index', indexSummary(run), {
      status: 'completed',
      found: count,
      added: count,
      failed: 0,
    });
    const thumbs = readdirSync(join(tmp, 'c-cache'), { recursive: true }).filter((f) =>
      String(f).endsWith('.jpg'),
    );
    if (thumbs.length !== count)
      throw new Error(`kadar index made ${thumbs.length} thumbnails, not ${count}.`);
    return run.ms;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function vipsthumbnailRun(files: string[]): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), 'kadar-bench-vips-'));
  try {
    const ms = await timeVipsthumbnail(files, tmp);
    const made = readdirSync(tmp).length;
    if (made !== files.length)
      throw new Error(`vipsthumbnail made ${made} thumbnails, not ${files.length}.`);
    return ms;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface Timing {
  wall: number;
  cpu: number;
  /** CPU seconds other processes used meanwhile. */
  others: number;
}

/** Runs one side, printing its wall clock, its CPU, and what other processes took meanwhile. */
export async function timed(what: string, run: () => Promise<number>): Promise<Timing> {
  const others = watchOtherCpu();
  const cpuBefore = childCpuSeconds();
  const wall = await run();
  const t = { wall, cpu: childCpuSeconds() - cpuBefore, others: others() };
  console.log(
    `  ${what} ${seconds(t.wall)}, ${t.cpu.toFixed(1)} CPU-s (other processes meanwhile: ${t.others.toFixed(1)} CPU-s)`,
  );
  return t;
}
