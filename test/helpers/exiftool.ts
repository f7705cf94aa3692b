import { execFileSync, spawnSync } from 'node:child_process';

export type ExiftoolTags = Record<string, unknown>;

/** exiftool is the reference reader; CI installs it (Debian libimage-exiftool-perl). */
export function requireExiftool(): void {
  try {
    execFileSync('exiftool', ['-ver'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      'exiftool is needed as the reference for these tests: apt-get install libimage-exiftool-perl (.ci/run does)',
    );
  }
}

/** Every tag exiftool reads in `paths` (files or folders), numeric values, grouped by location. */
export function exiftoolRead(paths: string[]): Map<string, ExiftoolTags> {
  // exiftool exits 1 when some files are unreadable (the broken fixtures) and still reports the rest.
  const run = spawnSync(
    'exiftool',
    ['-j', '-n', '-G1', '-r', '-charset', 'filename=utf8', ...paths],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (!run.stdout.trim().startsWith('[')) throw new Error(`exiftool failed: ${run.stderr}`);
  const rows = JSON.parse(run.stdout) as (ExiftoolTags & { SourceFile: string })[];
  return new Map(rows.map((r) => [r.SourceFile.replace(/\/+/g, '/'), r]));
}

/** exiftool writes into a copy (never an original). */
export function exiftoolWrite(file: string, args: string[]): void {
  execFileSync('exiftool', ['-q', '-m', '-overwrite_original', ...args, file], { stdio: 'pipe' });
}
