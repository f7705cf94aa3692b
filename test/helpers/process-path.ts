import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { processFile, type FileOutcome } from '../../electron/indexer/process-file';

/** Reads one file as an index worker would, after the folder walk's stat. */
export function processPath(
  absPath: string,
  cacheDir: string,
  sidecarPath: string | null = null,
): Promise<FileOutcome> {
  const stat = statSync(absPath);
  return processFile({
    absPath,
    fileName: basename(absPath),
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    sidecarPath,
    sidecarMtimeMs: sidecarPath ? statSync(sidecarPath).mtimeMs : null,
    cacheDir,
  });
}
