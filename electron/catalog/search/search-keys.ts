/** Photo ids fit in the low 26 bits of a search key: 67 million photos. */
export const idBits = 26;
export const searchIdMask = 2 ** idBits - 1;
// Seconds from 1800-01-01 to 1970-01-01, so photos from 1800 on get positive keys.
export const epochShift = 5_364_662_400;

/**
 * The SQL for a photo's search key: its capture second, then its id, in one 64-bit integer.
 * Keys pass 2^53, so they stay inside SQLite and never become JavaScript numbers; the id is
 * cast because a bound JavaScript number may arrive as a REAL and turn the sum into a float.
 */
export const searchKeySql = (takenAt: string, id: string) =>
  `((CAST(strftime('%s', substr(${takenAt}, 1, 19)) AS INTEGER) + ${epochShift}) * ${2 ** idBits} + CAST(${id} AS INTEGER))`;

/** What an archive_dirty key (id * 4 + kind) names; archive_search's rowids are the same. */
export const archiveKinds = { event: 0, project: 1, organisation: 2, document: 3 } as const;
export type ArchiveKind = keyof typeof archiveKinds;
