import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh folder under the system temp dir, removed by `removeTempDirs`. */
export function tempDir(prefix = 'kadar-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A writable copy of a fixture folder, keeping modification times. */
export function copyFixtures(from: string, to = tempDir()): string {
  cpSync(from, to, { recursive: true, preserveTimestamps: true });
  return to;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
