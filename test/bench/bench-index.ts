import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intOptions } from './bench-options';
import { childCpuSeconds, disturbed, machineLine, quietRuns, watchOtherCpu } from './machine-load';
import { jpegCorpus } from './make-jpeg-corpus';
import { expectSummary, indexSummary, runKadar } from './run-kadar';
import { timeVipsthumbnail } from './run-vipsthumbnail';
import { median, seconds } from './stats';

/**
 * `npm run bench:index [-- --count N --runs R]`: how long `kadar index` takes over full-size
 * camera JPEGs, against two vipsthumbnail processes making the same 320-pixel thumbnails. The
 * target is Kadar/vipsthumbnail ≤ 1.0: reading metadata, fingerprinting and cataloguing should
 * cost no more than the thumbnailing that any indexer has to do anyway.
 */

// The machine's speed drifts by up to 20 % within minutes, and the two sides do not drift alike:
// one pair's ratio moves by ±4 %, so the median is taken over five.
const { count, runs } = intOptions({ count: 100, runs: 5 });
console.log(machineLine());
const { dir, files } = await jpegCorpus(count);

const sizes = files.map((f) => statSync(f).size / 1e6).sort((a, b) => a - b);
const totalMb = sizes.reduce((a, b) => a + b, 0);
console.log(
  `Corpus: ${count} JPEGs of 6000 × 4000 in ${dir}\n` +
    `  ${totalMb.toFixed(0)} MB; per file min ${sizes[0]!.toFixed(1)} MB, median ${median(sizes).toFixed(1)} MB, max ${sizes.at(-1)!.toFixed(1)} MB`,
);

// Both sides read the originals from memory, not from disk: this compares the work, not
// whichever side happened to run first on a cold cache.
for (const file of files) readFileSync(file);

async function kadarRun(): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), 'kadar-bench-index-'));
  try {
    const run = await runKadar([
      '--catalog',
      join(tmp, 'c.sqlite'),
      'index',
      dir,
      '--json',
      '--progress',
      'none',
    ]);
    const summary = indexSummary(run);
    expectSummary('kadar index', summary, {
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

async function vipsRun(): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), 'kadar-bench-vips-'));
  try {
    const ms = await timeVipsthumbnail(files, tmp);
    const made = readdirSync(tmp).length;
    if (made !== count) throw new Error(`vipsthumbnail made ${made} thumbnails, not ${count}.`);
    return ms;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Alternating the two sides spreads any slow drift of the machine over both.
interface Timing {
  wall: number;
  cpu: number;
  /** CPU seconds other processes used meanwhile. */
  others: number;
}

async function timed(what: string, run: () => Promise<number>): Promise<Timing> {
  const others = watchOtherCpu();
  const cpuBefore = childCpuSeconds();
  const wall = await run();
  const t = { wall, cpu: childCpuSeconds() - cpuBefore, others: others() };
  console.log(
    `  ${what} ${seconds(t.wall)}, ${t.cpu.toFixed(1)} CPU-s (other processes meanwhile: ${t.others.toFixed(1)} CPU-s)`,
  );
  return t;
}

// On a shared machine another job can take a core for seconds, which says nothing about
// either side: a pair counts only if other processes used under 5% of the machine during both
// runs.
const quiet = (t: Timing) => !disturbed(t.others, t.wall);
const counted = await quietRuns(runs, 'attempt', async (n) => {
  const kadar = await timed(`attempt ${n}: kadar index`, kadarRun);
  const vips = await timed(`attempt ${n}: vipsthumbnail × 2`, vipsRun);
  return { kadar, vips, quiet: quiet(kadar) && quiet(vips) };
});
const kadar = counted.map((p) => p.kadar);
const vips = counted.map((p) => p.vips);

const k = median(kadar.map((t) => t.wall));
const v = median(vips.map((t) => t.wall));
const ratio = k / v;
const perFile = (ms: number) => `${(ms / count).toFixed(1)} ms/photo`;
const cpuOf = (side: Timing[]) => median(side.map((t) => t.cpu));
const cpu = (side: Timing[]) => `${cpuOf(side).toFixed(1)} CPU-s`;
console.log(`
Index benchmark: ${count} photos, 6000 × 4000 JPEG, median of ${counted.length} pairs of runs (wall clock)
  kadar index (fresh catalog, default threads)  ${seconds(k).padStart(9)}  ${perFile(k)}  ${cpu(kadar)}
  vipsthumbnail -s 320, 2 processes             ${seconds(v).padStart(9)}  ${perFile(v)}  ${cpu(vips)}
  ratio kadar / vipsthumbnail                   ${ratio.toFixed(2).padStart(9)}  target ≤ 1.0: ${ratio <= 1 ? 'met' : 'MISSED'}
  CPU-time ratio kadar / vipsthumbnail          ${(cpuOf(kadar) / cpuOf(vips)).toFixed(2).padStart(9)}`);
