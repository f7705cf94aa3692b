import { createReadStream, createWriteStream, readdirSync, renameSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { once } from 'node:events';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

// Images are compressed already: stored as they are, the ZIP is made at disk speed.
const stored = /\.(jpe?g|webp|avif|png)$/i;

/**
 * One ZIP of everything in `dir`, written beside its files as `name` (under a temporary name
 * until it is complete), streamed file by file so a large gallery never sits in memory.
 */
export async function zipFolder(dir: string, name: string, signal?: AbortSignal): Promise<string> {
  const files = filesUnder(dir);
  const target = join(dir, name);
  const partial = `${target}.partial`;
  const out = createWriteStream(partial);
  const closed = once(out, 'close').catch(() => undefined);
  const failure: { error: Error | null } = { error: null };
  // A full disk fails the write stream; held here, it fails the export at the next step.
  out.on('error', (error) => (failure.error ??= error));
  const check = () => {
    if (failure.error) throw failure.error;
    signal?.throwIfAborted();
  };
  const zip = new Zip((error, chunk, final) => {
    if (error) failure.error ??= error;
    else out.write(chunk);
    if (final || error) out.end();
  });
  try {
    for (const file of files) {
      check();
      const entryName = relative(dir, file).split(sep).join('/');
      const entry = stored.test(file) ? new ZipPassThrough(entryName) : new ZipDeflate(entryName);
      zip.add(entry);
      for await (const chunk of createReadStream(file)) {
        entry.push(chunk as Uint8Array);
        check();
        // fflate hands chunks over synchronously; waiting here keeps them from piling up.
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
    await closed;
    check();
  } catch (error) {
    // The file is closed before its folder is removed (Windows will not remove an open one).
    out.destroy();
    await closed;
    throw error;
  }
  renameSync(partial, target);
  return target;
}
