import { describe, expect, it } from 'vitest';
import { endExiftoolFallback } from '../../electron/indexer/exiftool-fallback';
import { comparedFields, measureAgreement, percent } from '../bench/agreement';
import { requireExiftool } from '../helpers/exiftool';
import { fixtureSets } from '../helpers/fixtures';

/**
 * Issue #12: Kadar and exiftool agree on make, model, date taken, orientation, pixel size, GPS
 * and keywords in at least 98 % of the fields either reads (rules in test/bench/agreement.ts;
 * `npm run bench:agreement` prints the same figures and every disagreement).
 */

requireExiftool();

for (const set of fixtureSets()) {
  describe(`the ${set.name} fixture photos`, () => {
    it('agree with exiftool in at least 98 % of the fields', async () => {
      const report = await measureAgreement([set.dir]);
      await endExiftoolFallback();
      const lines = [
        ...comparedFields.map((f) => `${f}: ${percent(report.perField[f]).toFixed(1)} %`),
        ...report.disagreements.map((d) => `${d.file} ${d.field}: ${d.ours} | ${d.exiftool}`),
      ];
      expect(report.total.counted, lines.join('\n')).toBeGreaterThan(150);
      expect(percent(report.total), lines.join('\n')).toBeGreaterThanOrEqual(98);
    });
  });
}
