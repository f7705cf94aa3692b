import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { repoFixtures, sharedFixtures } from '../helpers/fixtures';
import { endExiftoolFallback } from '../../electron/indexer/exiftool-fallback';
import { comparedFields, measureAgreement, percent, type Tally } from './agreement';

/**
 * `npm run bench:agreement [-- dir…]`: how often Kadar's indexer reads the same make, model,
 * date taken, orientation, pixel size, GPS position and keywords as exiftool, over every image
 * under the folders given (by default the repository's fixture photos and, when this checkout
 * sits beside it, the shared set). Issue #12's target: ≥ 98 % of fields. The comparison rules
 * are in agreement.ts. Every disagreement is listed.
 */

const args = process.argv.slice(2);
const dirs = args.length ? args : [repoFixtures, sharedFixtures].filter((d) => existsSync(d));

const show = (t: Tally) => `${percent(t).toFixed(1).padStart(5)} %  (${t.agree}/${t.counted})`;

let worst = 100;
for (const dir of dirs) {
  const report = await measureAgreement([dir]);
  console.log(`\n${dir}: ${report.files} images`);
  for (const field of comparedFields)
    console.log(`  ${field.padEnd(12)} ${show(report.perField[field])}`);
  console.log(
    `  ${'total'.padEnd(12)} ${show(report.total)}  target ≥ 98 %: ${percent(report.total) >= 98 ? 'met' : 'MISSED'}`,
  );
  worst = Math.min(worst, percent(report.total));
  if (report.disagreements.length) {
    console.log(`  disagreements (file, field: Kadar | exiftool):`);
    for (const d of report.disagreements)
      console.log(`    ${relative(dir, d.file)}, ${d.field}: ${d.ours} | ${d.exiftool}`);
  }
}
await endExiftoolFallback();
process.exitCode = worst >= 98 ? 0 : 1;
