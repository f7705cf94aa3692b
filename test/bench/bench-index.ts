import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { intOptions } from './bench-options';
import { kadarIndexRun, timed, vipsthumbnailRun, type Timing } from './index-runs';
import { disturbed, machineLine, quietRuns } from './machine-load';
import { jpegCorpus } from './make-jpeg-corpus';
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

// Alternating the two sides spreads any slow drift of the machine over both. On a shared
// machine another job can take a core for seconds, which says nothing about
// either side: a pair counts only if other processes used under 5% of the machine during both
// runs.
const quiet = (t: Timing) => !disturbed(t.others, t.wall);
const counted = await quietRuns(runs, 'attempt', async (n) => {
  const kadar = await timed(`attempt ${n}: kadar index`, () => kadarIndexRun(dir, count));
  const vips = await timed(`attempt ${n}: vipsthumbnail × 2`, () => vipsthumbnailRun(files));
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

// What the ratio is made of. Each side's CPU over the corpus is a fixed part (starting the
// process, its threads and decoders; the catalog; ending) plus a part per photo. Two photos
// run alone, in turn, tell the two apart: per photo = (CPU over the corpus − CPU over the two)
// / (count − 2). Figures only: the target is the ratio above.
if (count > 2) await explainRatio();

async function explainRatio() {
  const pairDir = mkdtempSync(join(tmpdir(), 'kadar-bench-two-'));
  try {
    const two = files.slice(0, 2).map((f) => {
      const copy = join(pairDir, basename(f));
      copyFileSync(f, copy);
      return copy;
    });
    const small = await quietRuns(runs, 'two-photo attempt', async (n) => {
      const kadar = await timed(`two-photo attempt ${n}: kadar index`, () =>
        kadarIndexRun(pairDir, 2),
      );
      const vips = await timed(`two-photo attempt ${n}: vipsthumbnail × 2`, () =>
        vipsthumbnailRun(two),
      );
      return { kadar, vips, quiet: quiet(kadar) && quiet(vips) };
    });
    const parts = (all: Timing[], two: Timing[]) => {
      const perPhoto = (cpuOf(all) - cpuOf(two)) / (count - 2);
      return { perPhoto, fixed: cpuOf(two) - 2 * perPhoto };
    };
    const k2 = parts(
      kadar,
      small.map((p) => p.kadar),
    );
    const v2 = parts(
      vips,
      small.map((p) => p.vips),
    );
    console.log(`
What the ratio is made of (CPU; median of ${small.length} pairs of two-photo runs)
  per photo                  kadar ${(k2.perPhoto * 1000).toFixed(1)} ms, vipsthumbnail ${(v2.perPhoto * 1000).toFixed(1)} ms, ratio ${(k2.perPhoto / v2.perPhoto).toFixed(2)}
  start and end of a run     kadar ${k2.fixed.toFixed(2)} CPU-s, vipsthumbnail ${v2.fixed.toFixed(2)} CPU-s (both processes)`);
  } finally {
    rmSync(pairDir, { recursive: true, force: true });
  }
}
