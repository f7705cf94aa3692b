import type { Catalog } from '../../catalog/open-catalog';
import { sql, sqlPluck } from '../../catalog/statements';
import { presetSettingsSchema } from '../../../shared/api/domains/export-presets';
import type { PhotoFilter } from '../../../shared/api/photo-query-schema';
import {
  archiveFormat,
  archiveSchema,
  archiveVersion,
  type ArchiveDocument,
  type DeletedKind,
} from './archive-schema';
import { buildExports } from './build-exports';
import { buildPhotos } from './build-photos';
import { byText, photoRefReader } from './photo-refs';
import { filterToArchive } from './search-filter-refs';

export interface BuildArchiveOptions {
  /**
   * Describe the photos people gave something or that something names (the whole-catalog
   * file). Without, `photos` is empty and photos are only named (a library folder's file,
   * whose photos carry their own in sidecars).
   */
  photos: boolean;
}

/**
 * The catalog's own data as an archive file (docs/archive-format.md): everything people made
 * or typed, named by what stays the same in any catalog (uids, paths, names), never by row id.
 * Deterministic: the same catalog gives the same document, `exportedAt` apart.
 */
export function buildArchive(
  db: Catalog,
  options: BuildArchiveOptions,
  now = new Date(),
): ArchiveDocument {
  const refs = photoRefReader(db);
  const all = <Row>(query: string) => sql<[], Row>(db, query).all();

  const roots = all<{ path: string; name: string; sidecars: 'digikam' | 'lightroom' | null }>(
    `SELECT path, name, sidecars FROM roots`,
  ).sort(byText((r) => r.path));

  const organisations = all<{
    uid: string;
    name: string;
    short_name: string | null;
    city: string | null;
    country: string | null;
    website: string | null;
    created_at: string;
  }>(`SELECT * FROM organisations`)
    .map((o) => ({
      uid: o.uid,
      name: o.name,
      shortName: o.short_name,
      city: o.city,
      country: o.country,
      website: o.website,
      createdAt: o.created_at,
    }))
    .sort(
      byText(
        (o) => o.name,
        (o) => o.uid,
      ),
    );

  const people = all<{
    name: string;
    organisation: string | null;
    role: string | null;
    notes: string | null;
  }>(
    `SELECT pe.name, o.uid AS organisation, pe.role, pe.notes
     FROM people pe LEFT JOIN organisations o ON o.id = pe.organisation_id`,
  ).sort(byText((p) => p.name));

  const tags = sqlPluck<[], string>(db, `SELECT path FROM tags`)
    .all()
    .sort(byText((t) => t));

  const events = all<{
    uid: string;
    title: string;
    starts_on: string;
    ends_on: string | null;
    start_time: string | null;
    end_time: string | null;
    venue: string | null;
    city: string | null;
    country: string | null;
    organiser: string | null;
    description: string | null;
    cover_photo_id: number | null;
    created_at: string;
  }>(
    `SELECT e.*, o.uid AS organiser FROM events e LEFT JOIN organisations o ON o.id = e.organiser_id`,
  )
    .sort(
      byText(
        (e) => e.starts_on,
        (e) => e.start_time,
        (e) => e.uid,
      ),
    )
    .map((e) => ({
      uid: e.uid,
      title: e.title,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      startTime: e.start_time,
      endTime: e.end_time,
      venue: e.venue,
      city: e.city,
      country: e.country,
      organiser: e.organiser,
      description: e.description,
      cover: refs.ref(e.cover_photo_id),
      createdAt: e.created_at,
    }));

  const projects = all<{
    id: number;
    uid: string;
    name: string;
    code: string | null;
    programme: string | null;
    starts_on: string | null;
    ends_on: string | null;
    description: string | null;
    creator: string | null;
    credit: string | null;
    copyright: string | null;
    created_at: string;
  }>(`SELECT * FROM projects`)
    .map((p) => ({
      uid: p.uid,
      name: p.name,
      code: p.code,
      programme: p.programme,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      description: p.description,
      creator: p.creator,
      credit: p.credit,
      copyright: p.copyright,
      createdAt: p.created_at,
      partners: sql<
        [number],
        { organisation: string; role: 'lead' | 'partner' | 'associate'; position: number }
      >(
        db,
        `SELECT o.uid AS organisation, pp.role, pp.position FROM project_partners pp
         JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = ?`,
      )
        .all(p.id)
        .sort((a, b) => a.position - b.position || byText<typeof a>((x) => x.organisation)(a, b)),
      events: sqlPluck<[number], string>(
        db,
        `SELECT e.uid FROM project_events pe JOIN events e ON e.id = pe.event_id WHERE pe.project_id = ?`,
      )
        .all(p.id)
        .sort(byText((u) => u)),
    }))
    .sort(
      byText(
        (p) => p.name,
        (p) => p.uid,
      ),
    );

  const documents = all<{
    uid: string;
    title: string;
    file_name: string;
    mime: string;
    file_size: number;
    fingerprint: string;
    page_count: number | null;
    stored_name: string | null;
    root_path: string | null;
    rel_path: string | null;
    event: string | null;
    project: string | null;
    added_at: string;
  }>(
    `SELECT d.*, r.path AS root_path, e.uid AS event, pr.uid AS project FROM documents d
     LEFT JOIN roots r ON r.id = d.root_id LEFT JOIN events e ON e.id = d.event_id
     LEFT JOIN projects pr ON pr.id = d.project_id`,
  )
    .map((d) => ({
      uid: d.uid,
      title: d.title,
      fileName: d.file_name,
      mime: d.mime,
      fileSize: d.file_size,
      fingerprint: d.fingerprint,
      pageCount: d.page_count,
      storage:
        d.stored_name != null
          ? { kind: 'copy' as const, storedName: d.stored_name }
          : { kind: 'link' as const, root: d.root_path!, path: d.rel_path! },
      owner: d.event != null ? { event: d.event } : { project: d.project! },
      addedAt: d.added_at,
    }))
    .sort(
      byText(
        (d) => d.addedAt,
        (d) => d.uid,
      ),
    );

  const galleries = all<{
    id: number;
    uid: string;
    name: string;
    cover_photo_id: number | null;
    created_at: string;
  }>(`SELECT * FROM galleries`)
    .map((g) => ({
      uid: g.uid,
      name: g.name,
      cover: refs.ref(g.cover_photo_id),
      photos: sqlPluck<[number], number>(
        db,
        `SELECT photo_id FROM gallery_photos WHERE gallery_id = ? ORDER BY position, photo_id`,
      )
        .all(g.id)
        .map((id) => refs.ref(id)!),
      createdAt: g.created_at,
    }))
    .sort(
      byText(
        (g) => g.name,
        (g) => g.uid,
      ),
    );

  const savedSearches = all<{ name: string; filter: string; created_at: string }>(
    `SELECT * FROM saved_searches`,
  )
    .map((s) => ({
      name: s.name,
      filter: filterToArchive(db, JSON.parse(s.filter) as PhotoFilter),
      createdAt: s.created_at,
    }))
    .sort(
      byText(
        (s) => s.name,
        (s) => s.createdAt,
      ),
    );

  const exportPresets = all<{
    name: string;
    builtin: number;
    settings: string;
    created_at: string;
  }>(`SELECT * FROM export_presets`)
    .map((p) => ({
      name: p.name,
      builtin: p.builtin === 1,
      settings: presetSettingsSchema.parse(JSON.parse(p.settings)),
      createdAt: p.created_at,
    }))
    .sort(byText((p) => p.name));

  const deleted = all<{
    kind: DeletedKind;
    uid: string;
    deleted_at: string;
    merged_into: string | null;
  }>(
    `SELECT d.kind, d.uid, d.deleted_at, m.target_uid AS merged_into
     FROM deleted_uids d LEFT JOIN event_merges m ON m.source_uid = d.uid`,
  )
    .map((d) => ({ kind: d.kind, uid: d.uid, deletedAt: d.deleted_at, mergedInto: d.merged_into }))
    .sort(
      byText(
        (d) => d.kind,
        (d) => d.uid,
      ),
    );

  const exports = buildExports(db, refs);
  // Last: the photos named above are among those described.
  const photos = options.photos ? buildPhotos(db, refs) : [];

  return archiveSchema.parse({
    format: archiveFormat,
    version: archiveVersion,
    exportedAt: now.toISOString(),
    roots,
    organisations,
    people,
    tags,
    events,
    projects,
    documents,
    galleries,
    savedSearches,
    exportPresets,
    exports,
    deleted,
    photos,
  });
}
