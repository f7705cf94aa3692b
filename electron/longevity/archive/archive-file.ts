import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomically } from '../atomic-file';
import { KadarError } from '../../../shared/errors';
import { parseArchiveJson, type ArchiveDocument } from './archive-schema';

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error';

/**
 * Writes an archive file so that it appears whole or not at all: into a hidden file beside it,
 * flushed to the disk, then renamed over the target (a file there is replaced).
 */
export function writeArchiveFile(path: string, doc: ArchiveDocument): void {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new KadarError('FOLDER_NOT_FOUND', `path: the folder ${dir} does not exist.`);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new KadarError('INVALID_INPUT', `path: ${path} is a folder; give a file name.`);
  try {
    writeFileAtomically(path, `${JSON.stringify(doc, null, 2)}\n`);
  } catch (error) {
    throw new KadarError(
      'OUTPUT_UNWRITABLE',
      `path: Kadar cannot write ${path} (${code(error)}).`,
      { cause: error },
    );
  }
}

/**
 * An archive file's JSON, not checked yet: `importArchive` checks it, once (a large file's
 * photos take a while), naming the field that is wrong.
 */
export function readArchiveFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KadarError('FILE_UNREADABLE', `path: ${path} cannot be read (${code(error)}).`, {
      cause: error,
    });
  }
  return aboutFile(path, () => parseArchiveJson(text));
}

/** Runs `use`, naming the file in what it refuses: "kadar-archive.json: events.3.startsOn: …". */
export function aboutFile<T>(path: string, use: () => T): T {
  try {
    return use();
  } catch (error) {
    if (error instanceof KadarError && error.code === 'INVALID_INPUT')
      throw new KadarError(error.code, `${path}: ${error.message}`, { cause: error });
    throw error;
  }
}
