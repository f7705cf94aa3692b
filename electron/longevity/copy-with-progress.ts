import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Copies `from` to a new file `to` in 1 MiB pieces, saying after each how many bytes are
 * across; `signal` stops it between two pieces (the part written stays for the caller to
 * remove). Slower than the system's own copy, which can neither report nor stop: meant for
 * copies a person waits on, onto drives that may be slow.
 */
export async function copyWithProgress(
  from: string,
  to: string,
  { signal, onBytes }: { signal?: AbortSignal; onBytes?: (copied: number) => void } = {},
): Promise<void> {
  let copied = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      copied += chunk.length;
      onBytes?.(copied);
      done(null, chunk);
    },
  });
  await pipeline(
    createReadStream(from, { highWaterMark: 2 ** 20 }),
    count,
    // A name nobody else writes: `wx` refuses to take over a file that is there.
    createWriteStream(to, { flags: 'wx' }),
    signal ? { signal } : {},
  );
}
