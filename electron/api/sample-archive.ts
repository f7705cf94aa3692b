import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../catalog/open-catalog';
import { assignPhotos, createEvent } from '../catalog/events-repo';
import { addLibraryRoot } from '../catalog/library-roots';
import { createOrganisation } from '../catalog/organisations-repo';
import { createProject, linkEvents, setPartners } from '../catalog/projects-repo';
import { sql, sqlPluck } from '../catalog/statements';
import { runEdit } from '../edits/history';

interface SampleArchive {
  organisations: { key: string; name: string; city: string; country: string }[];
  projects: {
    key: string;
    name: string;
    programme: string;
    startsOn: string;
    endsOn: string;
    partners: { organisation: string; role: 'lead' | 'partner' }[];
  }[];
  events: {
    title: string;
    startsOn: string;
    endsOn?: string;
    venue: string;
    city: string;
    organiser: string;
    projects: string[];
    folder: string;
    documents?: { title: string; file: string }[];
  }[];
}

const settingKey = 'sample.archive';

/** assets/sample beside the sources or the bundle (electron-builder.yml ships it). */
export function sampleArchiveDir(): string | null {
  const dir = fileURLToPath(new URL('../../assets/sample/', import.meta.url));
  return existsSync(join(dir, 'archive.json')) ? dir : null;
}

/**
 * Copies the sample photos and documents beside the catalog (so people may rename and tag
 * them freely), adds that folder to the library and creates the sample's organisations,
 * projects and events once. Returns the root to index; `linkSamplePhotos` runs after indexing.
 */
export function openSampleArchive(db: Catalog, catalogPath: string): number {
  const source = sampleArchiveDir();
  if (!source) throw new Error('The sample archive is not part of this installation.');
  const target = join(dirname(catalogPath), 'Kadar sample archive');
  if (!existsSync(target)) {
    cpSync(join(source, 'photos'), target, { recursive: true, preserveTimestamps: true });
    cpSync(join(source, 'documents'), join(target, 'Documents'), {
      recursive: true,
      preserveTimestamps: true,
    });
  }
  const { rootId } = addLibraryRoot(db, target);
  if (sql(db, `SELECT 1 FROM settings WHERE key = ?`).get(settingKey)) return rootId;

  const archive = JSON.parse(readFileSync(join(source, 'archive.json'), 'utf8')) as SampleArchive;
  runEdit(db, 'Open the sample archive', (edit) => {
    const orgs = new Map(
      archive.organisations.map((o) => [
        o.key,
        createOrganisation(edit, { name: o.name, city: o.city, country: o.country }),
      ]),
    );
    const projects = new Map<string, number>();
    for (const p of archive.projects) {
      const id = createProject(edit, {
        name: p.name,
        programme: p.programme,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
      });
      setPartners(
        edit,
        id,
        p.partners.map((partner) => ({
          organisationId: orgs.get(partner.organisation)!,
          role: partner.role,
        })),
      );
      projects.set(p.key, id);
    }
    const links = archive.events.map((e) => {
      const eventId = createEvent(edit, {
        title: e.title,
        startsOn: e.startsOn,
        endsOn: e.endsOn ?? null,
        venue: e.venue,
        city: e.city,
        organiserId: orgs.get(e.organiser) ?? null,
      });
      for (const key of e.projects) linkEvents(edit, projects.get(key)!, [eventId]);
      const documents = (e.documents ?? []).map((doc) => ({
        title: doc.title,
        path: join(target, 'Documents', doc.file.replace(/^documents\//, '')),
      }));
      return { eventId, folder: e.folder, documents };
    });
    sql(db, `INSERT INTO settings (key, value) VALUES (?, ?)`).run(
      settingKey,
      JSON.stringify({ rootId, links }),
    );
  });
  return rootId;
}

interface SampleLinks {
  rootId: number;
  links: { eventId: number; folder: string; documents: { title: string; path: string }[] }[];
}

function sampleLinks(db: Catalog): SampleLinks | null {
  const setting = sql<[string], { value: string }>(
    db,
    `SELECT value FROM settings WHERE key = ?`,
  ).get(settingKey);
  return setting ? (JSON.parse(setting.value) as SampleLinks) : null;
}

/** The sample's documents not attached yet (their text is read in a worker). */
export function sampleDocumentsToAttach(
  db: Catalog,
): { eventId: number; title: string; path: string }[] {
  const attached = sql<[number, string], { one: number }>(
    db,
    `SELECT 1 AS one FROM documents WHERE event_id = ? AND title = ?`,
  );
  return (sampleLinks(db)?.links ?? []).flatMap((link) =>
    link.documents
      .filter((doc) => !attached.get(link.eventId, doc.title))
      .map((doc) => ({ eventId: link.eventId, ...doc })),
  );
}

/** Puts each sample event's photos (its folder's) into the event, once they are indexed. */
export function linkSamplePhotos(db: Catalog): void {
  const sample = sampleLinks(db);
  if (!sample) return;
  runEdit(db, 'Put the sample photos into their events', (edit) => {
    for (const { eventId, folder } of sample.links) {
      const ids = sqlPluck<[number, number, string, number], number>(
        db,
        `SELECT id FROM photos WHERE root_id = ? AND substr(rel_path, 1, ?) = ? AND event_id IS NOT ?`,
      ).all(sample.rootId, folder.length + 1, `${folder}/`, eventId);
      if (ids.length) assignPhotos(edit, eventId, ids);
    }
  });
}
