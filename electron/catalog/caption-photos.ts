import type { Catalog } from './open-catalog';
import type { Edit } from '../edits/edit';
import {
  fillTemplate,
  parseTemplate,
  type CaptionContext,
  type ParsedTemplate,
} from '../../shared/caption/template';
import { KadarError } from '../../shared/errors';
import { sql } from './statements';

interface ContextRow {
  id: number;
  taken_at: string;
  file_name: string;
  city: string | null;
  make: string | null;
  model: string | null;
  event: string | null;
  starts_on: string | null;
  ends_on: string | null;
  event_city: string | null;
  venue: string | null;
  organiser: string | null;
  projects: string | null;
  people: string;
}

/** What a caption's variables are filled from, for each photo in the order given. */
export function captionContexts(
  db: Catalog,
  photoIds: readonly number[],
): Map<number, CaptionContext> {
  const rows = sql<[string], ContextRow>(
    db,
    `SELECT p.id, p.taken_at, p.file_name, p.city, c.make, c.model, e.title AS event,
       e.starts_on, e.ends_on, e.city AS event_city, e.venue, o.name AS organiser,
       (SELECT group_concat(pr.name, ', ') FROM project_events pe JOIN projects pr ON pr.id = pe.project_id
         WHERE pe.event_id = p.event_id) AS projects,
       (SELECT json_group_array(name) FROM (SELECT pe.name FROM photo_people pp JOIN people pe ON pe.id = pp.person_id
         WHERE pp.photo_id = p.id ORDER BY pe.name COLLATE NOCASE)) AS people
     FROM photos p LEFT JOIN cameras c ON c.id = p.camera_id LEFT JOIN events e ON e.id = p.event_id
       LEFT JOIN organisations o ON o.id = e.organiser_id
     WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(photoIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const contexts = new Map<number, CaptionContext>();
  photoIds.forEach((id, i) => {
    const r = byId.get(id);
    if (!r) return;
    // "NIKON D750", not "NIKON CORPORATION NIKON D750": the model says the make already.
    const camera =
      r.model && r.make && !r.model.startsWith(r.make.split(' ')[0]!)
        ? `${r.make} ${r.model}`
        : (r.model ?? r.make);
    contexts.set(id, {
      takenAt: r.taken_at,
      fileName: r.file_name,
      seq: i + 1,
      event: r.event,
      eventStartsOn: r.starts_on,
      eventEndsOn: r.ends_on,
      city: r.event_city ?? r.city,
      venue: r.venue,
      project: r.projects,
      organiser: r.organiser,
      people: JSON.parse(r.people) as string[],
      camera,
    });
  });
  return contexts;
}

/** A template, or an error that names the field it came from. */
export function requireTemplate(field: string, text: string): ParsedTemplate {
  const parsed = parseTemplate(text);
  if (!parsed.ok) throw new KadarError('INVALID_INPUT', `${field}: ${parsed.error.message}`);
  return parsed.template;
}

export interface FilledCaption {
  id: number;
  title: string | null;
  caption: string | null;
}

/** Each photo's title and caption as the templates make them (absent templates: as they are). */
export function fillCaptions(
  db: Catalog,
  photoIds: readonly number[],
  templates: { title?: ParsedTemplate; caption?: ParsedTemplate },
  current: (id: number) => { title: string | null; caption: string | null },
): FilledCaption[] {
  const contexts = captionContexts(db, photoIds);
  return photoIds.flatMap((id) => {
    const context = contexts.get(id);
    if (!context) return [];
    const now = current(id);
    return [
      {
        id,
        title: templates.title ? fillTemplate(templates.title, context) : now.title,
        caption: templates.caption ? fillTemplate(templates.caption, context) : now.caption,
      },
    ];
  });
}

/** Writes filled titles and captions as the person's own values. */
export function writeCaptions(
  edit: Edit,
  filled: readonly FilledCaption[],
  fields: { title: boolean; caption: boolean },
): number {
  let changed = 0;
  for (const f of filled) {
    const patch: Record<string, unknown> = {};
    if (fields.title) patch.user_title = f.title;
    if (fields.caption) patch.user_caption = f.caption;
    changed += edit.update('photos', { id: f.id }, patch);
  }
  return changed;
}
