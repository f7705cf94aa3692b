import { createIndexPool } from '../../indexer/index-pool';
import type { GlobalOptions } from '../cli-context';
import type { ProgressMode } from '../progress-bar';

export interface IndexCommandOptions extends GlobalOptions {
  json?: boolean;
  progress?: ProgressMode;
  threads?: number;
  root?: number[];
}

/** `kadar index <folder>...` and `kadar rescan`: one engine, different roots. */
export async function indexCommand(
  folders: string[] | null,
  options: IndexCommandOptions,
): Promise<number> {
  // Started first, so the threads load their decoders while this thread loads the catalog's
  // code and opens it (`./index-run` is imported only after, for that reason); a rescan,
  // which usually finds nothing to read, starts them only for the first changed file.
  const pool = createIndexPool(options.threads, { warm: folders != null });
  try {
    const { indexWithPool } = await import('./index-run');
    return await indexWithPool(folders, options, pool);
  } finally {
    await pool.destroy();
  }
}
