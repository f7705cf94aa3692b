import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { chromium, type Page } from '@playwright/test';
import sharp from 'sharp';
import { cacheDirFor } from '../../electron/catalog/default-paths';
import { chromiumLaunchOptions } from '../helpers/chromium-launch';
import { cachedImagePath, writeCachedImage } from '../../electron/catalog/thumbnail-cache';
import { intOptions } from './bench-options';
import { machineLine } from './machine-load';
import { queryCatalog } from './make-query-catalog';
import { median } from './stats';
import {
  firstThumbnailsProbe,
  scrollThroughProbe,
  type FirstThumbnails,
  type ScrollResult,
} from './ui-probes';

/**
 * `npm run bench:ui [-- --rows N --runs R]`: the real renderer in Debian's Chromium against
 * `kadar serve` over a catalog of N (100,000) photos. Measures navigation to the first screen
 * of thumbnails painted (target ≤ 1 s), a scripted scroll from top to bottom (target: no long
 * task over 50 ms) and the page's JS heap afterwards (target ≤ 300 MB).
 */

const { rows, runs, distinct } = intOptions({ rows: 100_000, runs: 3, distinct: 400 });
const cli = fileURLToPath(new URL('../../dist/node/kadar.cjs', import.meta.url));
console.log(machineLine());

// The generated catalog has no originals; its photos share `distinct` real thumbnails (each
// photo still has its own URL, so the browser fetches every one it shows).
const work = mkdtempSync(join(tmpdir(), 'kadar-bench-ui-'));
const catalog = join(work, 'catalog.sqlite');
copyFileSync(await queryCatalog(rows), catalog);
const db = new Database(catalog);
db.prepare(
  `UPDATE photos SET fingerprint = printf('%016x', id % ?), thumb_key = printf('%016x', id % ?) WHERE thumb_key IS NOT NULL`,
).run(distinct, distinct);
db.close();
for (let i = 0; i < distinct; i++) {
  const portrait = i % 7 === 0;
  const [w, h] = portrait ? [213, 320] : [320, 213];
  const jpeg = await sharp({
    create: {
      width: w,
      height: h,
      channels: 3,
      background: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 },
    },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  writeCachedImage(
    cachedImagePath(cacheDirFor(catalog), 'thumbs', i.toString(16).padStart(16, '0')),
    jpeg,
  );
}
console.log(`Catalog: ${rows} photos (${distinct} distinct thumbnails) in ${catalog}`);

const host = spawn(process.execPath, [cli, '--catalog', catalog, 'serve'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  host.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
    if (m) resolve(m[1]!);
  });
  host.on('exit', (code) => reject(new Error(`kadar serve exited ${code}`)));
});

const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });

async function firstThumbnails(page: Page): Promise<FirstThumbnails> {
  await page.goto(url);
  return page.evaluate<FirstThumbnails>(firstThumbnailsProbe);
}

const chromiumVersion = browser.version();
const firsts: number[] = [];
let last: ScrollResult | null = null;
let heapMb = 0;
let shown = 0;
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const first = await firstThumbnails(page);
    firsts.push(first.ms);
    shown = first.shown;
    const total = await page.getByTestId('photo-grid').getAttribute('data-total');
    if (Number(total) !== rows) throw new Error(`The grid lists ${total} photos, not ${rows}.`);
    console.log(
      `  run ${run + 1}: first ${first.shown} thumbnails painted ${first.ms.toFixed(0)} ms after navigation start`,
    );
    if (run === runs - 1) {
      last = await page.evaluate<ScrollResult>(scrollThroughProbe);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      heapMb = heap.usedSize / 2 ** 20;
    }
    await context.close();
  }
} finally {
  await browser.close();
  // The host backs the catalog up as it closes (as the app does at quit): the folder goes
  // once it has exited, not while that backup is being written into it.
  const exited = new Promise((resolve) => host.once('exit', resolve));
  host.kill('SIGTERM');
  await exited;
  rmSync(work, { recursive: true, force: true });
}

const firstMs = median(firsts);
const worst = Math.max(0, ...last!.longTasks);
const over = last!.longTasks.filter((d) => d > 50).length;
console.log(`\nbench:ui — ${rows} photos, Chromium ${chromiumVersion}, window 1400 × 900`);
console.log(
  `  first screen of thumbnails (${shown}) painted: median ${firstMs.toFixed(0)} ms of ${runs} runs   target ≤ 1000 ms   ${firstMs <= 1000 ? 'met' : 'MISSED'}`,
);
console.log(
  `  scroll top to bottom: ${last!.frames} frames in ${last!.seconds.toFixed(1)} s; long tasks ${last!.longTasks.length}, over 50 ms ${over}, longest ${worst.toFixed(0)} ms   target: none over 50 ms   ${over === 0 ? 'met' : 'MISSED'}`,
);
console.log(
  `  JS heap after the scroll (after GC): ${heapMb.toFixed(1)} MB   target ≤ 300 MB   ${heapMb <= 300 ? 'met' : 'MISSED'}`,
);
