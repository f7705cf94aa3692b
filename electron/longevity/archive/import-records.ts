import { sql, sqlPluck } from '../../catalog/statements';
import { ensureTagPath, splitTagPath } from '../../catalog/tags-repo';
import { KadarError } from '../../../shared/errors';
import { joinRel, type ImportContext } from './import-context';
import { putRowIn } from './import-context';

/**
 * The archive's own records: organisations, people, tags, events, projects and documents,
 * each matched by what names it in every catalog (a uid, a tag's path, a person's name) and
 * brought to the file's values, or added.
 */

const byUid = (ctx: ImportContext, table: string, uid: string) =>
  sqlPluck<[string], number>(ctx.db, `SELECT id FROM ${table} WHERE uid = ?`).get(uid);

export function importOrganisations(ctx: ImportContext): void {
  for (const o of ctx.doc.organisations) {
    const { outcome } = putRowIn(ctx, 'organisations', byUid(ctx, 'organisations', o.uid), {
      uid: o.uid,
      name: o.name,
      short_name: o.shortName,
      city: o.city,
      country: o.country,
      website: o.website,
      created_at: o.createdAt,
    });
    ctx.tally.note('organisations', o.uid, outcome);
  }
}

export function importPeople(ctx: ImportContext): void {
  ctx.doc.people.forEach((p, i) => {
    const id = sqlPluck<[string], number>(
      ctx.db,
      `SELECT id FROM people WHERE name = ? COLLATE NOCASE`,
    ).get(p.name);
    const { outcome } = putRowIn(ctx, 'people', id, {
      name: p.name,
      organisation_id:
        p.organisation == null
          ? null
          : ctx.uid('organisations', p.organisation, `people.${i}.organisation`),
      role: p.role,
      notes: p.notes,
    });
    ctx.tally.note('people', p.name, outcome);
  });
}

export function importTags(ctx: ImportContext): void {
  ctx.doc.tags.forEach((path, i) => {
    const levels = splitTagPath(path);
    if (levels.length === 0)
      throw new KadarError('INVALID_INPUT', `tags.${i}: a tag needs a name (e.g. "Place/Niš").`);
    const existed = sqlPluck<[string], number>(
      ctx.db,
      `SELECT id FROM tags WHERE path = ? COLLATE NOCASE`,
    ).get(levels.join('/'));
    ensureTagPath(ctx.db, levels);
    ctx.tally.note('tags', path, existed == null ? 'created' : 'unchanged');
  });
}

/** Events, without their covers: those are photos, which come later (`importEventCovers`). */
export function importEvents(ctx: ImportContext): void {
  ctx.doc.events.forEach((e, i) => {
    const { outcome } = putRowIn(ctx, 'events', byUid(ctx, 'events', e.uid), {
      uid: e.uid,
      title: e.title,
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      start_time: e.startTime,
      end_time: e.endTime,
      venue: e.venue,
      city: e.city,
      country: e.country,
      organiser_id:
        e.organiser == null ? null : ctx.uid('organisations', e.organiser, `events.${i}.organiser`),
      description: e.description,
      created_at: e.createdAt,
    });
    ctx.tally.note('events', e.uid, outcome);
  });
}

/** The cover the file names; one it names that neither has keeps the catalog's. */
export function importEventCovers(ctx: ImportContext): void {
  for (const e of ctx.doc.events) {
    const id = byUid(ctx, 'events', e.uid)!;
    const cover = e.cover ? ctx.photos.photo(e.cover) : null;
    if (e.cover && cover == null) continue;
    // A folder's file gives a cover to an event that has none (its photos came in after it).
    if (ctx.keep) {
      if (cover != null)
        sql(
          ctx.db,
          `UPDATE events SET cover_photo_id = ? WHERE id = ? AND cover_photo_id IS NULL`,
        ).run(cover, id);
      continue;
    }
    const { outcome } = putRowIn(ctx, 'events', id, { cover_photo_id: cover });
    ctx.tally.note('events', e.uid, outcome);
  }
}

/**
 * Projects with their partners (the file's list, in its order) and events (the file's links
 * are added; a link the catalog has and the file lacks stays).
 */
export function importProjects(ctx: ImportContext): void {
  const { db } = ctx;
  ctx.doc.projects.forEach((p, i) => {
    const known = byUid(ctx, 'projects', p.uid);
    let code = p.code;
    if (code != null) {
      const other = sql<[string], { uid: string; name: string }>(
        db,
        `SELECT uid, name FROM projects WHERE code = ?`,
      ).get(code);
      if (other && other.uid !== p.uid) {
        // A folder's file may be older than what the catalog took in from another folder's
        // (a code given to another project since): the project comes back, or is filled in,
        // without the code that is now another's, rather than the whole file being refused.
        if (ctx.keep) code = null;
        else
          throw new KadarError(
            'INVALID_INPUT',
            `projects.${i}.code: the project "${other.name}" already has the code ${code}.`,
          );
      }
    }
    const { id, outcome } = putRowIn(ctx, 'projects', known, {
      uid: p.uid,
      name: p.name,
      code,
      programme: p.programme,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      description: p.description,
      creator: p.creator,
      credit: p.credit,
      copyright: p.copyright,
      created_at: p.createdAt,
    });
    ctx.tally.note('projects', p.uid, outcome);

    const wanted = p.partners.map((partner, j) => ({
      organisation_id: ctx.uid(
        'organisations',
        partner.organisation,
        `projects.${i}.partners.${j}.organisation`,
      ),
      role: partner.role,
      position: partner.position,
    }));
    const current = sql<[number], (typeof wanted)[number]>(
      db,
      `SELECT organisation_id, role, position FROM project_partners WHERE project_id = ?
       ORDER BY position, organisation_id`,
    ).all(id);
    const sorted = [...wanted].sort(
      (a, b) => a.position - b.position || a.organisation_id - b.organisation_id,
    );
    if (JSON.stringify(current) !== JSON.stringify(sorted) && !(ctx.keep && current.length > 0)) {
      sql(db, `DELETE FROM project_partners WHERE project_id = ?`).run(id);
      for (const w of sorted)
        sql(
          db,
          `INSERT INTO project_partners (project_id, organisation_id, role, position) VALUES (?, ?, ?, ?)`,
        ).run(id, w.organisation_id, w.role, w.position);
      ctx.tally.note('projects', p.uid, 'updated');
    }

    p.events.forEach((uid, j) => {
      const eventId = ctx.uid('events', uid, `projects.${i}.events.${j}`);
      const added = sql(
        db,
        `INSERT OR IGNORE INTO project_events (project_id, event_id) VALUES (?, ?)`,
      ).run(id, eventId).changes;
      if (added > 0) ctx.tally.note('projects', p.uid, 'updated');
    });
  });
}

/**
 * Documents: their records and where their files are. A copy's bytes are in the catalog's
 * documents folder, not in the archive file; a linked file is where it was, in a library folder.
 */
export function importDocuments(ctx: ImportContext): void {
  ctx.doc.documents.forEach((d, i) => {
    let place = null;
    if (d.storage.kind === 'link') {
      place = ctx.root(d.storage.root);
      if (!place)
        throw new KadarError(
          'INVALID_INPUT',
          `documents.${i}.storage.root: ${d.storage.root} is a library folder of neither the file nor the catalog.`,
        );
    }
    const { outcome } = putRowIn(ctx, 'documents', byUid(ctx, 'documents', d.uid), {
      uid: d.uid,
      title: d.title,
      file_name: d.fileName,
      mime: d.mime,
      file_size: d.fileSize,
      fingerprint: d.fingerprint,
      page_count: d.pageCount,
      storage: d.storage.kind,
      stored_name: d.storage.kind === 'copy' ? d.storage.storedName : null,
      root_id: place ? place.rootId : null,
      rel_path: place && d.storage.kind === 'link' ? joinRel(place.prefix, d.storage.path) : null,
      event_id:
        'event' in d.owner ? ctx.uid('events', d.owner.event, `documents.${i}.owner.event`) : null,
      project_id:
        'project' in d.owner
          ? ctx.uid('projects', d.owner.project, `documents.${i}.owner.project`)
          : null,
      added_at: d.addedAt,
    });
    ctx.tally.note('documents', d.uid, outcome);
  });
}
