import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface FixtureSet {
  name: 'repo' | 'shared';
  dir: string;
}

export const repoFixtures = fileURLToPath(new URL('../fixtures/photos/', import.meta.url));
export const sharedFixtures = fileURLToPath(
  new URL('../../../shared/fixtures/photos/', import.meta.url),
);

/** The repo's own subset always; the full shared set too when this checkout sits beside it. */
export function fixtureSets(): FixtureSet[] {
  const sets: FixtureSet[] = [{ name: 'repo', dir: repoFixtures }];
  if (existsSync(join(sharedFixtures, 'MANIFEST.tsv')))
    sets.push({ name: 'shared', dir: sharedFixtures });
  return sets;
}

/** One row of MANIFEST.tsv: what exiftool reads in a fixture file. */
export interface ManifestRow {
  path: string;
  make: string;
  model: string;
  DateTimeOriginal: string;
  has_gps: string;
  orientation: string;
  width_x_height: string;
  size_bytes: string;
  file_type: string;
  gps_lat_lon: string;
  keywords: string;
  caption: string;
  notes: string;
  [column: string]: string;
}

export function readManifest(dir: string): ManifestRow[] {
  const [header, ...lines] = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const columns = header!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) as ManifestRow;
  });
}
