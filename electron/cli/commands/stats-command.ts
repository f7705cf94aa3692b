import { catalogStats } from '../../catalog/stats-repo';
import { listRoots } from '../../catalog/roots-repo';
import { openCliCatalog, writeOut, type GlobalOptions } from '../cli-context';

export async function statsCommand(options: GlobalOptions & { json?: boolean }): Promise<number> {
  const { db, catalogPath } = openCliCatalog(options);
  try {
    const stats = catalogStats(db);
    if (options.json) {
      await writeOut(`${JSON.stringify(stats, null, 2)}\n`);
    } else {
      await writeOut(
        `Catalog ${catalogPath}\n` +
          Object.entries(stats)
            .map(([k, v]) => `  ${k.padEnd(14)} ${v}`)
            .join('\n') +
          '\n',
      );
    }
    return 0;
  } finally {
    db.close();
  }
}

export async function rootsCommand(options: GlobalOptions & { json?: boolean }): Promise<number> {
  const { db } = openCliCatalog(options);
  try {
    const roots = listRoots(db);
    if (options.json) await writeOut(`${JSON.stringify(roots, null, 2)}\n`);
    else
      await writeOut(
        roots
          .map(
            (r) =>
              `${r.id}\t${r.status}\t${r.photoCount} photos\t${r.missingCount} missing\t${r.errorCount} failed\t${r.path}\n`,
          )
          .join(''),
      );
    return 0;
  } finally {
    db.close();
  }
}
