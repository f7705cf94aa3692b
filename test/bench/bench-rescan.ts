import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intOptions } from './bench-options';
import { childCpuSeconds, disturbed, machineLine, quietRuns, watchOtherCpu } from './machine-load';
import { smallCorpus } from './make-small-corpus';
import { expectSummary, indexSummary, runKadar } from './run-kadar';
import { median, seconds } from './stats';

/**
 * `npm run bench:rescan [-- --count N --runs R]`: a first `kadar index` of a large archive
 * (time, files per second, peak memory of the whole process), then `kadar rescan` of the
 * unchanged tree, which must only walk and compare: targets ≤ 400 MB and ≤ 2 s.
 */

const { count, runs } = intOptions({ count: 100_000, runs: 3 });
console.log(machineLine());
const dir = await smallCorpus(count);
const tmp = mkdtempSync(join(tmpdir(), 'kadar-bench-rescan-'));
const catalog = join(tmp, 'c.sqlite');

try {
  console.log(`Indexing ${count} files from ${dir} into a fresh catalog…`);
  let others = watchOtherCpu();
  let cpuBefore = childCpuSeconds();
  const index = await runKadar(
    ['--catalog', catalog, 'index', dir, '--json', '--progress', 'none'],
    true,
  );
  expectSummary('kadar index', indexSummary(index), {
    status: 'completed',
    found: count,
    added: count,
    updated: 0,
    failed: 0,
  });
  const indexOthers = others();
  console.log(
    `  index: ${seconds(index.ms)}, ${(childCpuSeconds() - cpuBefore).toFixed(1)} CPU-s, peak RSS ${index.peakRssMb!.toFixed(0)} MB (other processes meanwhile: ${indexOthers.toFixed(1)} CPU-s)`,
  );
  if (disturbed(indexOthers, index.ms))
    console.log('  WARNING: other processes took over 5% of the machine during the index run.');

  // Rescans are cheap, so, as in bench-index, one disturbed by other processes is run again.
  const counted = await quietRuns(runs, 'rescan attempt', async (n) => {
    others = watchOtherCpu();
    cpuBefore = childCpuSeconds();
    const rescan = await runKadar(
      ['--catalog', catalog, 'rescan', '--json', '--progress', 'none'],
      true,
    );
    expectSummary('kadar rescan', indexSummary(rescan), {
      status: 'completed',
      found: count,
      unchanged: count,
      added: 0,
      updated: 0,
      missing: 0,
      failed: 0,
    });
    const otherCpu = others();
    console.log(
      `  rescan attempt ${n}: ${seconds(rescan.ms)}, ${(childCpuSeconds() - cpuBefore).toFixed(1)} CPU-s, peak RSS ${rescan.peakRssMb!.toFixed(0)} MB (other processes meanwhile: ${otherCpu.toFixed(1)} CPU-s)`,
    );
    return { ms: rescan.ms, rss: rescan.peakRssMb!, quiet: !disturbed(otherCpu, rescan.ms) };
  });
  const rescans = counted.map((r) => r.ms);
  const rescanRss = counted.map((r) => r.rss);

  const rss = index.peakRssMb!;
  const rescan = median(rescans);
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(`
Rescan benchmark: ${count} files in ${dir}
  kadar index, fresh catalog        ${seconds(index.ms).padStart(10)}  ${(count / (index.ms / 1000)).toFixed(0)} files/s
  peak RSS of kadar index           ${`${rss.toFixed(0)} MB`.padStart(10)}  target ≤ 400 MB: ${mark(rss <= 400)}
  kadar rescan, nothing changed     ${seconds(rescan).padStart(10)}  median of ${rescans.length}; target ≤ 2 s: ${mark(rescan <= 2000)}
  peak RSS of kadar rescan          ${`${Math.max(...rescanRss).toFixed(0)} MB`.padStart(10)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
