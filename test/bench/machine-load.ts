import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

/**
 * The machine, how busy it was in the minute before the benchmark started, and the code
 * measured: the commit, marked dirty when the working tree had changes on top of it.
 */
export function machineLine(): string {
  const [one] = loadavg();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return (
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ` +
    `load average before start ${one!.toFixed(2)}; code ${commit}`
  );
}

// Both files count in clock ticks, which Linux fixes at 100 per second for user space.
const ticksPerSecond = 100;

function busyTicks(): number {
  const [, user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .map(Number);
  return user! + nice! + system! + irq! + softirq!;
}

/** utime, stime, cutime, cstime of this process (fields 14–17 of /proc/self/stat). */
function selfStat(): number[] {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name, which may contain spaces, start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [11, 12, 13, 14].map((i) => Number(fields[i]));
}

/** CPU ticks of this process and of its children that have exited (the CLI runs, vipsthumbnail). */
const ownTicks = () => selfStat().reduce((a, b) => a + b, 0);

/**
 * CPU seconds (user + system, all threads) used so far by this process's children that have
 * exited. Unlike wall time, it barely moves when other work shares the machine.
 */
export function childCpuSeconds(): number {
  const [, , cutime, cstime] = selfStat();
  return (cutime! + cstime!) / ticksPerSecond;
}

/**
 * Starts counting the CPU time that processes other than this benchmark and its children
 * spend, so a run disturbed by other work on a shared machine says so. Returns a function
 * giving the seconds so far; call it only when no child is still running.
 */
export function watchOtherCpu(): () => number {
  const busy = busyTicks();
  const own = ownTicks();
  return () => Math.max(0, busyTicks() - busy - (ownTicks() - own)) / ticksPerSecond;
}

/**
 * Whether other processes took more than 5% of the machine during a run of `wallMs`: enough
 * to move a figure by more than run-to-run noise does.
 */
export function disturbed(otherCpuSeconds: number, wallMs: number): boolean {
  return otherCpuSeconds > 0.05 * availableParallelism() * (wallMs / 1000);
}

/**
 * Runs `attempt` until `wanted` of its results ran undisturbed (`quiet`), giving up after four
 * times as many attempts. A disturbed result says nothing about the code, so it is run again;
 * if none ran quietly, all are returned, flagged in the output, rather than nothing.
 */
export async function quietRuns<T extends { quiet: boolean }>(
  wanted: number,
  what: string,
  attempt: (n: number) => Promise<T>,
): Promise<T[]> {
  const all: T[] = [];
  for (let n = 1; all.filter((r) => r.quiet).length < wanted && n <= wanted * 4; n++) {
    all.push(await attempt(n));
    if (!all.at(-1)!.quiet) console.log(`  ${what} ${n} disturbed by other processes: not counted`);
  }
  const counted = all.filter((r) => r.quiet);
  if (counted.length > 0) return counted;
  console.log(`  WARNING: no ${what} ran undisturbed; the figures below include disturbed runs.`);
  return all;
}
