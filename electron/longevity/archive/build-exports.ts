import type { Catalog } from '../../catalog/open-catalog';
import { exportFiles } from '../../catalog/exports-repo';
import { sql, sqlPluck } from '../../catalog/statements';
import { presetSettingsSchema } from '../../../shared/api/domains/export-presets';
import type { SkippedPhoto } from '../../../shared/api/domains/export';
import type { ArchiveExport } from './archive-schema';
import { byText, type PhotoRefReader } from './photo-refs';

interface ExportRow {
  id: number;
  source_kind: 'event' | 'project' | 'gallery' | 'photos';
  source_id: number | null;
  source_photos: string | null;
  title: string;
  preset: string | null;
  preset_name: string;
  settings: string;
  out_dir: string;
  with_zip: number;
  status: ArchiveExport['status'];
  started_at: string;
  finished_at: string | null;
  file_count: number;
  bytes: number;
  skipped: string;
  error: string | null;
}

const sourceTables = { event: 'events', project: 'projects', gallery: 'galleries' } as const;

/**
 * What was published where, oldest first. An export still running is left out: it is not
 * history yet, and its folder is half-written.
 */
export function buildExports(db: Catalog, refs: PhotoRefReader): ArchiveExport[] {
  return sql<[], ExportRow>(
    db,
    `SELECT x.*, p.name AS preset FROM exports x LEFT JOIN export_presets p ON p.id = x.preset_id
     WHERE x.status <> 'running'`,
  )
    .all()
    .sort(
      byText(
        (x) => x.started_at,
        (x) => x.out_dir,
      ),
    )
    .map((x) => ({
      source:
        x.source_kind === 'photos'
          ? {
              kind: 'photos' as const,
              photos: (JSON.parse(x.source_photos ?? '[]') as number[]).flatMap(
                (id) => refs.ref(id) ?? [],
              ),
            }
          : {
              kind: x.source_kind,
              uid:
                sqlPluck<[number], string>(
                  db,
                  `SELECT uid FROM ${sourceTables[x.source_kind]} WHERE id = ?`,
                ).get(x.source_id ?? 0) ?? null,
            },
      title: x.title,
      preset: x.preset,
      presetName: x.preset_name,
      settings: presetSettingsSchema.parse(JSON.parse(x.settings)),
      outDir: x.out_dir,
      zip: x.with_zip === 1,
      status: x.status,
      startedAt: x.started_at,
      finishedAt: x.finished_at,
      fileCount: x.file_count,
      bytes: x.bytes,
      skipped: (JSON.parse(x.skipped) as SkippedPhoto[]).flatMap((s) => {
        const photo = refs.ref(s.photoId);
        return photo ? [{ photo, fileName: s.fileName, code: s.code, message: s.message }] : [];
      }),
      error: x.error,
      files: exportFiles(db, x.id).map(({ photoId, ...file }) => ({
        photo: refs.ref(photoId),
        ...file,
      })),
    }));
}
