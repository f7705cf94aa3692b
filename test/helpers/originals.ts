import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Snapshot = Map<string, string>;

/** Every file under `dirs` with its size, modification time and SHA-256. */
export function snapshotFiles(dirs: string[]): Snapshot {
  const out: Snapshot = new Map();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const stat = statSync(path);
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
        out.set(path, `${stat.size}:${stat.mtimeMs}:${hash}`);
      }
    }
  };
  for (const dir of dirs) walk(dir);
  return out;
}
