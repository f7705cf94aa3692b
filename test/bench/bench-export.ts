import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import sharp from 'sharp';
import { callApi } from '../../electron/api/dispatch';
import { createKadarApi, type KadarApi } from '../../electron/api/kadar-api';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { RenderExportTask } from '../../electron/export/render-export';
import { intOptions } from './bench-options';
import { childCpuSeconds, disturbed, machineLine, quietRuns, watchOtherCpu } from './machine-load';
import { jpegCorpus } from './make-jpeg-corpus';
import { median, seconds } from './stats';

/**
 * `npm run bench:export [-- --count N --pairs P]`: how long the export of an event takes with
 * the Website preset (2048 pixels on the long edge, JPEG quality 85), through the API as the app
 * calls it, against `vipsthumbnail -s 2048 -o %s.jpg[Q=85]` making the same images from the
 * same full-size camera JPEGs with the same parallelism. The target is Kadar/vipsthumbnail
 * ≤ 1.1: an export may cost a little more than the bare resize, for its metadata and gallery
 * files, but not much more.
 */

const { count, pairs } = intOptions({ count: 100, pairs: 5 });
const threads = availableParallelism();
const longEdge = 2048;
const quality = 85;
const target = 1.1;
console.log(machineLine());

// The corpus bench:index uses (and caches): 6000 × 4000 camera JPEGs at quality 92 with sensor
// noise and EXIF, every tenth one turned by its Orientation tag.
const { dir, files } = await jpegCorpus(count);
const sizes = files.map((f) => statSync(f).size / 1e6).sort((a, b) => a - b);
console.log(
  `Corpus: ${count} JPEGs of 6000 × 4000 in ${dir}\n` +
    `  ${sizes.reduce((a, b) => a + b, 0).toFixed(0)} MB; per file min ${sizes[0]!.toFixed(1)} MB, ` +
    `median ${median(sizes).toFixed(1)} MB, max ${sizes.at(-1)!.toFixed(1)} MB`,
);

// Both sides read the originals from memory, not from disk: this compares the work, not
// whichever side happened to run first on a cold cache.
for (const file of files) readFileSync(file);

const work = mkdtempSync(join(tmpdir(), 'kadar-bench-export-'));
const catalogPath = join(work, 'catalog.sqlite');
const outDir = join(work, 'out');
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const call =
  (api: KadarApi) =>
  <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
    callApi(api.handlers, method, input);

/**
 * Indexes the corpus into a fresh catalog and makes an event of all its photos, outside the
 * timing. A separate API instance, closed afterwards, so no index thread is left over while
 * the exports are timed.
 */
async function prepareCatalog(): Promise<number> {
  const started = performance.now();
  const api = createKadarApi({ catalogPath, threads });
  try {
    const c = call(api);
    await c('roots.add', { path: dir });
    await c('index.start', {});
    await api.indexing.idle();
    const summary = api.indexing.state().lastSummary;
    if (summary?.added !== count || summary.failed !== 0)
      throw new Error(`Indexing the corpus went wrong: ${JSON.stringify(summary)}`);
    const photoIds = (
      api.db.prepare('SELECT id FROM photos ORDER BY id').all() as { id: number }[]
    ).map((p) => p.id);
    const event = await c('events.create', {
      title: 'Modna revija Štip',
      startsOn: '2019-06-14',
      city: 'Štip',
      photoIds,
    });
    console.log(
      `Indexed the corpus into a fresh catalog and made an event of its ${photoIds.length} photos ` +
        `(${seconds(performance.now() - started)}, not timed).`,
    );
    return event.id;
  } finally {
    await api.close();
  }
}

const eventId = await prepareCatalog();
const api = createKadarApi({ catalogPath, threads });
const c = call(api);
const fileNameOf = new Map(
  (
    api.db.prepare('SELECT id, file_name FROM photos').all() as { id: number; file_name: string }[]
  ).map((p) => [p.id, p.file_name]),
);

/** One export to its end: the milliseconds from the call to the finished record, and the record. */
async function exportOnce(source: MethodInput<'export.start'>['source'], expected: number) {
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const { exportId } = await c('export.start', { source, presetName: 'Website', outDir });
  await api.exporting.finished(exportId);
  const ms = performance.now() - started;
  const record = await c('export.get', { exportId });
  if (record.status !== 'done' || record.files.length !== expected || record.skipped.length > 0)
    throw new Error(
      `The export should be done with ${expected} files, but it is ${record.status} with ` +
        `${record.files.length} (${record.error ?? ''} ${JSON.stringify(record.skipped.slice(0, 3))})`,
    );
  const wrong = record.files.find((f) => Math.max(f.width, f.height) !== longEdge);
  if (wrong) throw new Error(`${wrong.fileName} is ${wrong.width} × ${wrong.height}.`);
  return { ms, record };
}

// The export threads start on the first export and exit after 30 s idle, and the two
// vipsthumbnail runs between two Kadar runs take longer than that. An untimed export of a few
// photos before every timed one starts them, so each timed run sees a running pool, as every
// export within half a minute of another in a session does. What a cold start adds is
// measured on its own below.
const allIds = [...fileNameOf.keys()].sort((a, b) => a - b);
const warmUp = () => exportOnce({ kind: 'photos', ids: allIds.slice(0, threads * 2) }, threads * 2);
const warm = await warmUp();
console.log(
  `Warm-up: an export of ${threads * 2} photos, which starts the ${threads} export threads: ` +
    `${seconds(warm.ms)} (not timed; repeated before every timed export)`,
);

/**
 * What starting an export thread costs, cold: one thread doing one trivial task (an original
 * that is not there). From the TypeScript sources, as this benchmark's API runs, the thread
 * loads through tsx; the app and the CLI run the bundle `npm run build:node` has just made.
 */
async function threadStartMs(script: string, execArgv: string[]): Promise<number> {
  const pool = new Piscina({ filename: script, execArgv, minThreads: 0, maxThreads: 1 });
  const task: RenderExportTask = {
    absPath: join(work, 'not-there.jpg'),
    format: 'jpeg',
    orientation: null,
    outPath: join(work, 'not-there-out.jpg'),
    settings: {
      size: { fit: 'long-edge', longEdge },
      format: 'jpeg',
      quality,
      sharpen: false,
      watermark: { kind: 'none' },
    },
    metadata: null,
  };
  const started = performance.now();
  await pool.run(task);
  const ms = performance.now() - started;
  await pool.destroy();
  return ms;
}
const fromSource = fileURLToPath(
  new URL('../../electron/export/export-worker.ts', import.meta.url),
);
const bundled = fileURLToPath(new URL('../../dist/node/export-worker.js', import.meta.url));
const sourceStarts: number[] = [];
const bundleStarts: number[] = [];
for (let i = 0; i < 3; i++) {
  sourceStarts.push(await threadStartMs(fromSource, ['--import', 'tsx']));
  if (existsSync(bundled)) bundleStarts.push(await threadStartMs(bundled, []));
}
console.log(
  `Export thread start-up, cold (median of 3): from the sources through tsx ` +
    `${median(sourceStarts).toFixed(0)} ms; bundled (dist/node, what the app runs) ` +
    `${bundleStarts.length ? `${median(bundleStarts).toFixed(0)} ms` : 'not built'}. ` +
    `Each thread pays it when it starts; here that is in the untimed warm-ups.`,
);

// The reference: vipsthumbnail, given the same files with the same parallelism: one process
// per core, each given every N-th file of the list in one invocation. A process per file
// would add a process start-up per photo to the reference; one process per core with its share
// of the (equally sized) files keeps every core busy to the end, as Kadar's pool does with one
// thread per core. Interleaving the shares spreads the turned photos evenly.
const shares = Array.from({ length: threads }, (_, g) => files.filter((_, i) => i % threads === g));

/**
 * Kadar's threads each run libvips with one thread (sharp.concurrency(1)), so with
 * VIPS_CONCURRENCY=1 both sides have N libvips threads in all. Left at libvips' default, each
 * vipsthumbnail runs a thread per core, N × N in all, which can only help it hide its waits:
 * both are timed, and the ratio is taken against the faster.
 */
const vipsVariants = [
  { name: 'VIPS_CONCURRENCY=1', env: { ...process.env, VIPS_CONCURRENCY: '1' } },
  {
    name: 'libvips default threads',
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'VIPS_CONCURRENCY')),
  },
] as const;
type VipsVariant = (typeof vipsVariants)[number];

function vipsthumbnail(list: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'vipsthumbnail',
      ['-s', String(longEdge), '-o', `${outDir}/%s.jpg[Q=${quality}]`, ...list],
      { stdio: ['ignore', 'ignore', 'pipe'], env },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vipsthumbnail exited with ${code}: ${stderr}`)),
    );
  });
}

async function vipsOnce(variant: VipsVariant, list: string[][]): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir);
  const started = performance.now();
  await Promise.all(list.map((share) => vipsthumbnail(share, variant.env)));
  const ms = performance.now() - started;
  const made = readdirSync(outDir).length;
  const expected = list.flat().length;
  if (made !== expected) throw new Error(`vipsthumbnail made ${made} images, not ${expected}.`);
  return ms;
}

// vipsthumbnail keeps nothing between runs, but its libraries are loaded once, untimed, too.
await vipsOnce(vipsVariants[0], [files.slice(0, 1)]);

/** Sizes, orientation and metadata of one output, as exiftool reads them. */
function describeOutput(path: string): string {
  const run = spawnSync(
    'exiftool',
    [
      '-j',
      '-n',
      '-ImageWidth',
      '-ImageHeight',
      '-Orientation',
      '-YCbCrSubSampling',
      '-Make',
      '-Model',
      '-DateTimeOriginal',
      '-GPSLatitude',
      '-XMP:City',
      path,
    ],
    { encoding: 'utf8' },
  );
  if (!run.stdout.trim().startsWith('[')) return `exiftool could not read it (${run.stderr})`;
  const tags = (JSON.parse(run.stdout) as Record<string, string | number | undefined>[])[0]!;
  const tag = (name: string) => String(tags[name] ?? '–');
  const long = Math.max(Number(tags.ImageWidth), Number(tags.ImageHeight));
  return (
    `${tag('ImageWidth')} × ${tag('ImageHeight')} (long edge ${long}: ` +
    `${long === longEdge ? 'right' : 'WRONG'}), ${(statSync(path).size / 1024).toFixed(0)} KiB, ` +
    `Orientation ${tag('Orientation')}, subsampling ${tag('YCbCrSubSampling')}, ` +
    `camera ${tag('Make')} ${tag('Model')}, taken ${tag('DateTimeOriginal')}, ` +
    `GPS ${tags.GPSLatitude == null ? 'none' : 'kept'}, XMP city ${tag('City')}`
  );
}

// Two originals to compare the outputs of: the first, and the first the camera marked as turned.
const orientations = await Promise.all(
  files.map(async (f) => (await sharp(f).metadata()).orientation),
);
const originals = [files[0]!, files[orientations.indexOf(6)] ?? files[1]!];

/** Checks, once, that both sides made the same images: a landscape original and a turned one. */
function compareOutputs(kadarFiles: { photoId: number | null; path: string }[]): void {
  console.log('  Like for like (exiftool), the same originals on both sides:');
  for (const original of originals) {
    const name = basename(original);
    const kadarFile = kadarFiles.find(
      (f) => f.photoId != null && fileNameOf.get(f.photoId) === name,
    );
    const vipsFile = join(work, 'vips-sample', `${basename(name, extname(name))}.jpg`);
    console.log(`    ${name}`);
    console.log(`      Kadar:         ${kadarFile ? describeOutput(kadarFile.path) : 'not found'}`);
    console.log(`      vipsthumbnail: ${describeOutput(vipsFile)}`);
  }
}

interface Timing {
  wall: number;
  cpu: number;
  /** CPU seconds other processes used meanwhile. */
  others: number;
}

function print(what: string, t: Timing): Timing {
  console.log(
    `  ${what.padEnd(52)} ${seconds(t.wall).padStart(8)}, ${t.cpu.toFixed(1)} CPU-s ` +
      `(other processes meanwhile: ${t.others.toFixed(1)} CPU-s)`,
  );
  return t;
}

let verified = false;

async function kadarRun(n: number): Promise<Timing> {
  await warmUp();
  const others = watchOtherCpu();
  const cpuBefore = process.cpuUsage();
  const { ms, record } = await exportOnce({ kind: 'event', id: eventId }, count);
  const used = process.cpuUsage(cpuBefore);
  const t = { wall: ms, cpu: (used.user + used.system) / 1e6, others: others() };
  if (!verified) {
    verified = true;
    // The same two originals through vipsthumbnail, into a folder of their own.
    const sample = join(work, 'vips-sample');
    mkdirSync(sample, { recursive: true });
    spawnSync('vipsthumbnail', [
      '-s',
      String(longEdge),
      '-o',
      `${sample}/%s.jpg[Q=${quality}]`,
      ...originals,
    ]);
    compareOutputs(record.files);
  }
  return print(`pair ${n}: Kadar export (Website, ${threads} threads)`, t);
}

async function vipsRun(n: number, variant: VipsVariant): Promise<Timing> {
  const others = watchOtherCpu();
  const cpuBefore = childCpuSeconds();
  const wall = await vipsOnce(variant, shares);
  const t = { wall, cpu: childCpuSeconds() - cpuBefore, others: others() };
  return print(`pair ${n}: vipsthumbnail × ${threads}, ${variant.name}`, t);
}

// Alternating the sides spreads any slow drift of the machine over all of them; the two
// vipsthumbnail variants swap places every pair. A pair counts only if other processes used
// under 5 % of the machine during each of its runs.
const quiet = (t: Timing) => !disturbed(t.others, t.wall);
const counted = await quietRuns(pairs, 'pair', async (n) => {
  const kadar = await kadarRun(n);
  const order = n % 2 === 1 ? [0, 1] : [1, 0];
  const vips: Timing[] = [];
  for (const i of order) vips[i] = await vipsRun(n, vipsVariants[i]!);
  return { kadar, vips, quiet: quiet(kadar) && vips.every(quiet) };
});
rmSync(outDir, { recursive: true, force: true });
await api.close();

const wallOf = (side: Timing[]) => median(side.map((t) => t.wall));
const cpuOf = (side: Timing[]) => median(side.map((t) => t.cpu));
const kadar = counted.map((p) => p.kadar);
const vips = vipsVariants.map((_, i) => counted.map((p) => p.vips[i]!));
const k = wallOf(kadar);
const rate = (ms: number) => `${(count / (ms / 1000)).toFixed(1)} photos/s`;
const row = (label: string, side: Timing[]) =>
  `  ${label.padEnd(64)} ${seconds(wallOf(side)).padStart(8)}  ${rate(wallOf(side)).padStart(15)}  ` +
  `${cpuOf(side).toFixed(1).padStart(5)} CPU-s   pairs: ${side.map((t) => seconds(t.wall)).join(', ')}`;
const verdict = (ratio: number) =>
  `${ratio.toFixed(2).padStart(8)}  target ≤ ${target}: ${ratio <= target ? 'met' : 'MISSED'}`;
// The ratio that counts is the stricter: against whichever reference was faster.
const strict = wallOf(vips[0]!) <= wallOf(vips[1]!) ? 0 : 1;
console.log(`
Export benchmark: ${count} photos, 6000 × 4000 JPEG to ${longEdge} px JPEG q${quality}, ${threads} at a time, median of ${counted.length} pairs (wall clock)
${row(`Kadar export.start, Website preset (${threads} threads, warm)`, kadar)}
${vipsVariants.map((variant, i) => row(`vipsthumbnail -s ${longEdge} [Q=${quality}] × ${threads}, ${variant.name}`, vips[i]!)).join('\n')}
${vipsVariants.map((variant, i) => `  ${`ratio Kadar / vipsthumbnail, ${variant.name}`.padEnd(64)} ${verdict(k / wallOf(vips[i]!))}`).join('\n')}
  ${'ratio Kadar / vipsthumbnail (the stricter, as counted)'.padEnd(64)} ${verdict(k / wallOf(vips[strict]!))}
  ${`CPU-time ratio Kadar / vipsthumbnail, ${vipsVariants[strict].name}`.padEnd(64)} ${(cpuOf(kadar) / cpuOf(vips[strict]!)).toFixed(2).padStart(8)}`);
