import { z } from 'zod';
import { isStoredName } from '../../archive/documents/document-store';
import { clockTime, isoDay } from '../../../shared/api/domains/common';
import { presetSettingsSchema } from '../../../shared/api/domains/export-presets';
import { partnerRoles } from '../../../shared/api/partner-roles';
import { photoFilterSchema } from '../../../shared/api/photo-query-schema';
import { colourLabels, photoFlags } from '../../../shared/catalog/photo-fields';
import { KadarError } from '../../../shared/errors';

/**
 * The archive file, version 1 (docs/archive-format.md is its documentation; keep the two
 * together). Objects are strict, so a misspelt field is refused with its path rather than
 * dropped; parsing also puts every object's keys in the order written here, which is what
 * makes two exports of the same catalog the same bytes.
 */

export const archiveFormat = 'kadar-archive';
export const archiveVersion = 1;

/** A stable id (events, projects, organisations, documents, galleries): 32 hex digits. */
const uid = z.string().regex(/^[0-9a-f]{32}$/, 'A uid is 32 lowercase hex digits');
const text = z.string().nullable();
const name = z.string().min(1, 'Must not be empty');
const time = z.string().min(1, 'Must not be empty');
const int = z.number().int().min(0);
/** "Place/Niš": names from the top down, joined by '/'. */
const tagPath = name.refine((p) => p.split('/').some((part) => part.trim()), 'A tag needs a name');

/** A photo, named as its library folder and path in it, with its content's fingerprint. */
export const photoRefSchema = z
  .object({ root: name, path: name, fingerprint: z.string().min(1).nullable() })
  .strict();
export type PhotoRef = z.infer<typeof photoRefSchema>;

const rootSchema = z
  .object({ path: name, name: z.string(), sidecars: z.enum(['digikam', 'lightroom']).nullable() })
  .strict();

const organisationSchema = z
  .object({
    uid,
    name,
    shortName: text,
    city: text,
    country: text,
    website: text,
    createdAt: time,
  })
  .strict();

const personSchema = z
  .object({ name, organisation: uid.nullable(), role: text, notes: text })
  .strict();

const startEnd = (
  value: { startsOn: string | null; endsOn: string | null },
  ctx: z.RefinementCtx,
) => {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn)
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: `ends on ${value.endsOn}, before it starts (${value.startsOn})`,
    });
};

const eventSchema = z
  .object({
    uid,
    title: name,
    startsOn: isoDay,
    endsOn: isoDay.nullable(),
    startTime: clockTime.nullable(),
    endTime: clockTime.nullable(),
    venue: text,
    city: text,
    country: text,
    organiser: uid.nullable(),
    description: text,
    cover: photoRefSchema.nullable(),
    createdAt: time,
  })
  .strict()
  .superRefine(startEnd);

const projectSchema = z
  .object({
    uid,
    name,
    code: z.string().min(1).nullable(),
    programme: text,
    startsOn: isoDay.nullable(),
    endsOn: isoDay.nullable(),
    description: text,
    creator: text,
    credit: text,
    copyright: text,
    createdAt: time,
    partners: z.array(
      z.object({ organisation: uid, role: z.enum(partnerRoles), position: int }).strict(),
    ),
    events: z.array(uid),
  })
  .strict()
  .superRefine(startEnd);

const documentSchema = z
  .object({
    uid,
    title: name,
    fileName: name,
    mime: name,
    fileSize: int,
    fingerprint: name,
    pageCount: int.nullable(),
    storage: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('copy'),
          storedName: name.refine(
            isStoredName,
            'Must be FINGERPRINT/FILE NAME, as Kadar stores it',
          ),
        })
        .strict(),
      z.object({ kind: z.literal('link'), root: name, path: name }).strict(),
    ]),
    owner: z.union([z.object({ event: uid }).strict(), z.object({ project: uid }).strict()]),
    addedAt: time,
  })
  .strict();

const gallerySchema = z
  .object({
    uid,
    name,
    cover: photoRefSchema.nullable(),
    photos: z.array(photoRefSchema),
    createdAt: time,
  })
  .strict();

/** A saved search's filter with its catalog ids replaced by what names them in any catalog. */
export const archiveFilterSchema = photoFilterSchema
  .omit({
    rootId: true,
    folderId: true,
    cameraId: true,
    tagId: true,
    personId: true,
    eventId: true,
    projectId: true,
    organisationId: true,
  })
  .extend({
    root: name.optional(),
    folder: z.object({ root: name, path: z.string() }).strict().optional(),
    camera: z.object({ make: z.string(), model: z.string() }).strict().optional(),
    tag: tagPath.optional(),
    person: name.optional(),
    event: uid.optional(),
    project: uid.optional(),
    organisation: uid.optional(),
  })
  .strict();
export type ArchiveFilter = z.infer<typeof archiveFilterSchema>;

const savedSearchSchema = z.object({ name, filter: archiveFilterSchema, createdAt: time }).strict();

const exportPresetSchema = z
  .object({ name, builtin: z.boolean(), settings: presetSettingsSchema, createdAt: time })
  .strict();

const exportSchema = z
  .object({
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('event'), uid: uid.nullable() }).strict(),
      z.object({ kind: z.literal('project'), uid: uid.nullable() }).strict(),
      z.object({ kind: z.literal('gallery'), uid: uid.nullable() }).strict(),
      z.object({ kind: z.literal('photos'), photos: z.array(photoRefSchema) }).strict(),
    ]),
    title: z.string(),
    /** The preset it was made with, by its name now (null once deleted). */
    preset: name.nullable(),
    /** The preset's name when the export ran. */
    presetName: z.string(),
    settings: presetSettingsSchema,
    outDir: name,
    zip: z.boolean(),
    status: z.enum(['done', 'failed', 'cancelled', 'interrupted']),
    startedAt: time,
    finishedAt: time.nullable(),
    fileCount: int,
    bytes: int,
    skipped: z.array(
      z
        .object({
          photo: photoRefSchema,
          fileName: z.string(),
          code: z.string(),
          message: z.string(),
        })
        .strict(),
    ),
    error: text,
    files: z.array(
      z
        .object({
          photo: photoRefSchema.nullable(),
          fileName: name,
          width: int,
          height: int,
          bytes: int,
          sourceHash: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

/** What a person gave a photo (electron/longevity/photo-layer.ts), as the file has it. */
export const photoLayerSchema = z
  .object({
    title: z.string().optional(),
    caption: z.string().optional(),
    rating: z.number().int().min(0).max(5).optional(),
    flag: z.enum(['', ...photoFlags]).optional(),
    label: z.enum(['', ...colourLabels]).optional(),
    addedTags: z.array(tagPath),
    removedTags: z.array(tagPath),
    addedPeople: z.array(name),
    removedPeople: z.array(name),
    event: uid.nullable(),
  })
  .strict();

const photoSchema = z
  .object({
    ref: photoRefSchema,
    fileName: name,
    fileSize: int,
    takenAt: time,
    layer: photoLayerSchema,
  })
  .strict();

/** What kind of thing a tombstone's uid named. */
export const deletedKinds = ['event', 'project', 'organisation', 'document', 'gallery'] as const;
export type DeletedKind = (typeof deletedKinds)[number];

/** Something people deleted: a rebuild from older files must not make it again. */
const deletedSchema = z
  .object({
    kind: z.enum(deletedKinds),
    uid,
    deletedAt: time,
    /** An event merged into another: that one's uid (where its photos went). */
    mergedInto: uid.nullable().default(null),
  })
  .strict();

const archiveObject = z
  .object({
    format: z.literal(archiveFormat),
    version: z.literal(archiveVersion),
    exportedAt: time,
    /**
     * In a library folder's own kadar-archive.json: that folder's path when the file was
     * written, so a folder found at another path (a new machine, another drive letter) knows
     * which of `roots` it is.
     */
    folder: name.optional(),
    roots: z.array(rootSchema),
    organisations: z.array(organisationSchema),
    people: z.array(personSchema),
    tags: z.array(tagPath),
    events: z.array(eventSchema),
    projects: z.array(projectSchema),
    documents: z.array(documentSchema),
    galleries: z.array(gallerySchema),
    savedSearches: z.array(savedSearchSchema),
    exportPresets: z.array(exportPresetSchema),
    exports: z.array(exportSchema),
    // Files written before tombstones were kept have none.
    deleted: z.array(deletedSchema).default([]),
    photos: z.array(photoSchema),
  })
  .strict();

export const archiveSchema = archiveObject.superRefine(noDoubles);
export type ArchiveDocument = z.infer<typeof archiveSchema>;
export type ArchiveEvent = ArchiveDocument['events'][number];
export type ArchiveProject = ArchiveDocument['projects'][number];
export type ArchiveDocumentEntry = ArchiveDocument['documents'][number];
export type ArchiveExport = ArchiveDocument['exports'][number];
export type ArchivePhoto = ArchiveDocument['photos'][number];

/** The same thing twice would be one row in a catalog: refused, naming the second. */
function noDoubles(doc: z.output<typeof archiveObject>, ctx: z.RefinementCtx): void {
  const once = <T>(
    list: readonly T[],
    key: (item: T) => string,
    field: string,
    what: string | (string | number)[],
  ) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k))
        ctx.addIssue({
          code: 'custom',
          path: [...(Array.isArray(what) ? what : [what]), i, field],
          message: `${JSON.stringify(k)} is in the file twice`,
        });
      seen.add(k);
    });
  };
  for (const kind of ['organisations', 'events', 'projects', 'documents', 'galleries'] as const)
    once<{ uid: string }>(doc[kind], (x) => x.uid, 'uid', kind);
  once(doc.deleted, (d) => d.uid, 'uid', 'deleted');
  const kept = new Map<string, string>();
  for (const kind of ['organisations', 'events', 'projects', 'documents', 'galleries'] as const)
    for (const x of doc[kind]) kept.set(x.uid, kind);
  doc.deleted.forEach((d, i) => {
    const where = kept.get(d.uid);
    if (where)
      ctx.addIssue({
        code: 'custom',
        path: ['deleted', i, 'uid'],
        message: `${d.uid} is deleted and also in ${where}`,
      });
  });
  once(doc.roots, (r) => r.path, 'path', 'roots');
  once(doc.people, (p) => asciiLower(p.name), 'name', 'people');
  once(doc.exportPresets, (p) => asciiLower(p.name), 'name', 'exportPresets');
  once(doc.photos, (p) => `${p.ref.root}\0${p.ref.path}`, 'ref', 'photos');
  once(doc.exports, (x) => `${x.outDir}\0${x.startedAt}`, 'startedAt', 'exports');
  doc.projects.forEach((p, i) =>
    once(p.partners, (x) => x.organisation, 'organisation', ['projects', i, 'partners']),
  );
}

/** SQLite's NOCASE, which people's and presets' names are unique under, folds ASCII only. */
export const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Refused input: the first problems, each named by its path in the document. */
function invalid(issues: readonly { path: PropertyKey[]; message: string }[]): KadarError {
  return new KadarError(
    'INVALID_INPUT',
    issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`)
      .join('; '),
  );
}

/**
 * The document, checked: a KadarError (INVALID_INPUT) naming the path of what is wrong
 * otherwise. Another kind of file, or another version, is said so before anything else.
 */
export function validateArchive(input: unknown): ArchiveDocument {
  const head = (typeof input === 'object' && input != null ? input : {}) as Record<string, unknown>;
  if (head.format !== archiveFormat)
    throw invalid([
      {
        path: ['format'],
        message: `this is not a Kadar archive file (its format is not "${archiveFormat}")`,
      },
    ]);
  if (head.version !== archiveVersion)
    throw invalid([
      {
        path: ['version'],
        message: `the file is version ${JSON.stringify(head.version)}; this Kadar reads version ${archiveVersion}${typeof head.version === 'number' && head.version > archiveVersion ? ' (the file was written by a newer Kadar)' : ''}`,
      },
    ]);
  const parsed = archiveSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  return parsed.data;
}

/** An archive file's text as JSON, not checked yet (refused when it is not JSON at all). */
export function parseArchiveJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new KadarError(
      'INVALID_INPUT',
      `the file is not JSON (${(error as Error).message}), so not a Kadar archive file.`,
      { cause: error },
    );
  }
}

/** An archive file's text, parsed and checked (see `validateArchive`). */
export function parseArchive(json: string): ArchiveDocument {
  return validateArchive(parseArchiveJson(json));
}
