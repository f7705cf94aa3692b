/** The files SQLite keeps beside a database, by the suffix of its name. */
export const sqliteSideFiles = ['-journal', '-wal', '-shm'] as const;
