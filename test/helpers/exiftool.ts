import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type ExiftoolTags = Record<string, unknown>;

let found: string | null = null;

/**
 * The system's exiftool (Debian's libimage-exiftool-perl), the reference the tests compare
 * against. npm puts node_modules/.bin first on the PATH of its scripts, where
 * exiftool-vendored.pl (Kadar's fallback reader) links its own exiftool: the reference must
 * not be the reader under test, so those folders are skipped.
 */
export function systemExiftool(): string {
  if (found) return found;
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (!folder || /node_modules[\\/]\.bin[\\/]?$/.test(folder)) continue;
    const candidate = join(folder, 'exiftool');
    try {
      accessSync(candidate, constants.X_OK);
      return (found = candidate);
    } catch {
      // not here
    }
  }
  return (found = 'exiftool');
}

/** exiftool is the reference reader; CI installs it (Debian libimage-exiftool-perl). */
export function requireExiftool(): void {
  try {
    execFileSync(systemExiftool(), ['-ver'], { stdio: 'pipe' });
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
    systemExiftool(),
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
  execFileSync(systemExiftool(), ['-q', '-m', '-overwrite_original', ...args, file], {
    stdio: 'pipe',
  });
}
