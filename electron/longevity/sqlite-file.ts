import Database from 'better-sqlite3';

/**
 * A catalog file opened apart from the catalog's own connection (a backup being checked, a
 * catalog about to be replaced), with the SQLite binding the process runs on: the desktop
 * app's launcher names Electron's build in KADAR_SQLITE_BINDING, as it does for the catalog.
 */
export function openSqliteFile(
  file: string,
  options: { readonly?: boolean } = {},
): Database.Database {
  const binding = process.env.KADAR_SQLITE_BINDING;
  return new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: true,
    ...(binding ? { nativeBinding: binding } : {}),
  });
}
