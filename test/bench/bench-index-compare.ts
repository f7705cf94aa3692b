import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCacheDir, cachedBuild } from './bench-cache';
import { intOptions } from './bench-options';
import { kadarIndexRun, timed, vipsthumbnailRun, type Timing } from './index-runs';
import { disturbed, machineLine, quietRuns } from './machine-load';
import { jpegCorpus } from './make-jpeg-corpus';
import { median, seconds } from './stats';

/**
 * `npm run bench:index:compare -- REV [REV...] [--rounds N --count N]`: bench:index for several
 * builds at once, to tell whether a change moved the speed. The machine drifts by more between
 * two runs of bench:index than most changes move it, so each round runs every build's
 * `kadar index` and vipsthumbnail in turn, and builds are compared round by round. `.` is the
 * working tree (built by the npm script); any other REV is checked out into a worktree under
 * .cache/bench/worktrees and built there, once. Its packages come from this checkout's
 * node_modules: compare commits whose dependencies match.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
// Options are `--name N` or `--name=N`; everything else names a build (a commit may be digits).
const options: string[] = [];
const revs: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (!arg.startsWith('--')) revs.push(arg);
  else {
    options.push(arg);
    if (!arg.includes('=') && i + 1 < args.length) options.push(args[++i]!);
  }
}
const { rounds, count } = intOptions({ rounds: 8, count: 100 }, options);
if (revs.length === 0) throw new Error('Name the builds to compare: `.` (this tree) or commits.');

const git = (...a: string[]) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();

/** The built `kadar` command of `rev`: this tree's (undefined: run-kadar's snapshot) or a worktree's. */
async function buildOf(rev: string): Promise<string | undefined> {
  if (rev === '.') return undefined;
  const sha = git('rev-parse', '--verify', `${rev}^{commit}`);
  const dir = join(benchCacheDir, 'worktrees', sha.slice(0, 12));
  await cachedBuild(`build of ${rev}`, dir, sha, (path) => {
    git('worktree', 'prune');
    git('worktree', 'add', '--detach', '--force', path, sha);
    execFileSync(process.execPath, ['--import', 'tsx', 'electron/build/build-node.ts'], {
      cwd: path,
      stdio: 'inherit',
    });
  });
  // Builds from before the CommonJS entry point have only the ES module.
  const entry = join(dir, 'dist', 'node', 'kadar.cjs');
  return existsSync(entry) ? entry : join(dir, 'dist', 'node', 'kadar.js');
}

console.log(machineLine());
const builds: { rev: string; cli: string | undefined }[] = [];
for (const rev of revs) builds.push({ rev, cli: await buildOf(rev) });
const { dir, files } = await jpegCorpus(count);
for (const file of files) readFileSync(file);

interface Round {
  kadar: Timing[];
  vips: Timing;
  quiet: boolean;
}
const counted = await quietRuns<Round>(rounds, 'round', async (n) => {
  const kadar: Timing[] = [];
  for (const b of builds)
    kadar.push(
      await timed(`round ${n}: kadar index (${b.rev})`, () => kadarIndexRun(dir, count, b.cli)),
    );
  const vips = await timed(`round ${n}: vipsthumbnail × 2`, () => vipsthumbnailRun(files));
  const quiet = [...kadar, vips].every((t) => !disturbed(t.others, t.wall));
  return { kadar, vips, quiet };
});

const vipsWall = median(counted.map((r) => r.vips.wall));
console.log(`
Index benchmark, ${count} photos, median of ${counted.length} rounds (each build and vipsthumbnail in turn)
  vipsthumbnail -s 320, 2 processes  ${seconds(vipsWall).padStart(9)}  ${median(counted.map((r) => r.vips.cpu)).toFixed(1)} CPU-s`);
builds.forEach((b, i) => {
  const wall = median(counted.map((r) => r.kadar[i]!.wall));
  const cpu = median(counted.map((r) => r.kadar[i]!.cpu));
  // Ratios within each round, then their median: what the drift between rounds leaves alone.
  const ratio = median(counted.map((r) => r.kadar[i]!.wall / r.vips.wall));
  const change =
    i === 0
      ? ''
      : `  against ${builds[0]!.rev}: ${(100 * (median(counted.map((r) => r.kadar[i]!.wall / r.kadar[0]!.wall)) - 1)).toFixed(1)} %`;
  console.log(
    `  kadar index (${b.rev})`.padEnd(37) +
      `${seconds(wall).padStart(9)}  ${cpu.toFixed(1)} CPU-s  ratio ${ratio.toFixed(2)} (target ≤ 1.0: ${ratio <= 1 ? 'met' : 'MISSED'})${change}`,
  );
});
