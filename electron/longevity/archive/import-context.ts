import { existsSync, realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Catalog } from '../../catalog/open-catalog';
import { findRootContaining } from '../../catalog/roots-repo';
import { sql, sqlPluck } from '../../catalog/statements';
import { KadarError } from '../../../shared/errors';
import type { ArchiveDocument, PhotoRef } from './archive-schema';
import { refKey } from './photo-refs';
import { noteRestored, refreshRestored, restoredAsOf } from '../../catalog/restored-rows';
import { putRow, type Tally } from './put-row';

export interface RootPlace {
  rootId: number;
  /** The path from the catalog's library folder to the file's ('' when they are the same). */
  prefix: string;
}

const uidTables = {
  events: 'event',
  projects: 'project',
  organisations: 'organisation',
  galleries: 'gallery',
} as const;
export type UidTable = keyof typeof uidTables;

/** What every part of an import shares: the file, the catalog, and how the one names the other. */
export interface ImportContext {
  db: Catalog;
  doc: ArchiveDocument;
  placeholders: boolean;
  /** Keep the catalog's rows as they are; only add what it lacks (a library folder's file). */
  keep: boolean;
  tally: Tally;
  /** The library folder a file's root path is, or is inside; null when the catalog has neither. */
  root(path: string): RootPlace | null;
  /** The row of a uid (the file's rows are imported before anything names them). */
  uid(table: UidTable, uid: string, at: string): number;
  photos: PhotoResolver;
}

/** `putRow` as this import does it (keeping the catalog's rows, with `keep`). */
export function putRowIn(
  ctx: ImportContext,
  table: string,
  id: number | undefined,
  values: Record<string, string | number | null>,
) {
  let keep: boolean | 'fill' = ctx.keep;
  // A row a rebuild made from another folder's file, or from sidecars, that nobody has made
  // theirs since: a newer file's values replace it; an older one's fill in only what it lacks
  // (an event a sidecar made has no town), whichever folder was indexed first.
  if (keep && id != null && typeof values.uid === 'string') {
    const asOf = restoredAsOf(ctx.db, values.uid);
    if (asOf != null) keep = ctx.doc.exportedAt > asOf ? false : 'fill';
  }
  const put = putRow(ctx.db, table, id, values, keep);
  // What a library folder's file makes may be removed by a later tombstone (restored-rows.ts).
  if (ctx.keep && typeof values.uid === 'string') {
    if (put.outcome === 'created') noteRestored(ctx.db, values.uid, ctx.doc.exportedAt);
    else refreshRestored(ctx.db, values.uid, ctx.doc.exportedAt);
  }
  return put;
}

export const joinRel = (prefix: string, path: string) => (prefix ? `${prefix}/${path}` : path);

export function createImportContext(
  base: Pick<ImportContext, 'db' | 'doc' | 'placeholders' | 'keep' | 'tally'>,
): ImportContext {
  const { db } = base;
  const roots = new Map<string, RootPlace | null>();
  const placeOf = (path: string): RootPlace | null => {
    const exact = sqlPluck<[string], number>(db, `SELECT id FROM roots WHERE path = ?`).get(path);
    if (exact != null) return { rootId: exact, prefix: '' };
    const container = findRootContaining(db, path);
    return container
      ? { rootId: container.id, prefix: relative(container.path, path).split(sep).join('/') }
      : null;
  };
  const root = (path: string): RootPlace | null => {
    let place = roots.get(path);
    if (place === undefined) {
      // Library folders are kept by their real path: a file's may be a link to one.
      place = placeOf(path) ?? (existsSync(path) ? placeOf(realpathSync(path)) : null);
      roots.set(path, place);
    }
    return place;
  };
  const uid = (table: UidTable, value: string, at: string): number => {
    const id = sqlPluck<[string], number>(db, `SELECT id FROM ${table} WHERE uid = ?`).get(value);
    if (id == null)
      throw new KadarError(
        'INVALID_INPUT',
        `${at}: there is no ${uidTables[table]} ${value} in the file or the catalog.`,
      );
    return id;
  };
  return { ...base, root, uid, photos: createPhotoResolver(db, base.doc, root) };
}

/** Every photo the file names, anywhere in it. */
function allRefs(doc: ArchiveDocument): PhotoRef[] {
  return [
    ...doc.photos.map((p) => p.ref),
    ...doc.events.flatMap((e) => (e.cover ? [e.cover] : [])),
    ...doc.galleries.flatMap((g) => [...(g.cover ? [g.cover] : []), ...g.photos]),
    ...doc.exports.flatMap((x) => [
      ...(x.source.kind === 'photos' ? x.source.photos : []),
      ...x.skipped.map((s) => s.photo),
      ...x.files.flatMap((f) => (f.photo ? [f.photo] : [])),
    ]),
  ];
}

/**
 * Finds the catalog's photo for a ref: at its path in its library folder, else, for a file
 * that moved, the one photo with its fingerprint (when the file names no other photo with it).
 */
function createPhotoResolver(
  db: Catalog,
  doc: ArchiveDocument,
  root: (path: string) => RootPlace | null,
) {
  const keysByFingerprint = new Map<string, Set<string>>();
  for (const ref of allRefs(doc))
    if (ref.fingerprint != null) {
      const keys = keysByFingerprint.get(ref.fingerprint) ?? new Set<string>();
      keys.add(refKey(ref));
      keysByFingerprint.set(ref.fingerprint, keys);
    }
  const found = new Map<string, number | null>();
  const unresolved = new Set<string>();
  const find = (ref: PhotoRef): number | null => {
    const key = refKey(ref);
    let id = found.get(key);
    if (id !== undefined) return id;
    const place = root(ref.root);
    id = place
      ? (sqlPluck<[number, string], number>(
          db,
          `SELECT id FROM photos WHERE root_id = ? AND rel_path = ?`,
        ).get(place.rootId, joinRel(place.prefix, ref.path)) ?? null)
      : null;
    if (
      id == null &&
      ref.fingerprint != null &&
      keysByFingerprint.get(ref.fingerprint)?.size === 1
    ) {
      const ids = sql<[string], { id: number }>(
        db,
        `SELECT id FROM photos WHERE fingerprint = ? LIMIT 2`,
      ).all(ref.fingerprint);
      if (ids.length === 1) id = ids[0]!.id;
    }
    found.set(key, id);
    return id;
  };
  return {
    /** The photo, or null without counting it as missing. */
    find,
    /** The photo, or null counted as a ref the catalog cannot resolve. */
    photo(ref: PhotoRef): number | null {
      const id = find(ref);
      if (id == null) unresolved.add(refKey(ref));
      return id;
    },
    remember(ref: PhotoRef, id: number): void {
      found.set(refKey(ref), id);
      unresolved.delete(refKey(ref));
    },
    unresolvedCount: () => unresolved.size,
  };
}
export type PhotoResolver = ReturnType<typeof createPhotoResolver>;
