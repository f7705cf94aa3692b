import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../catalog/open-catalog';
import { attachDocument } from '../catalog/documents-repo';
import { addPhotosToEvent, createEvent } from '../catalog/events-repo';
import { addLibraryRoot } from '../catalog/library-roots';
import { createOrganisation } from '../catalog/organisations-repo';
import { addEventToProject, addProjectPartner, createProject } from '../catalog/projects-repo';
import { sql } from '../catalog/statements';

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
  db.transaction(() => {
    const orgs = new Map(archive.organisations.map((o) => [o.key, createOrganisation(db, o)]));
    const projects = new Map<string, number>();
    for (const p of archive.projects) {
      const id = createProject(db, {
        name: p.name,
        programme: p.programme,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
      });
      for (const partner of p.partners)
        addProjectPartner(db, id, orgs.get(partner.organisation)!, partner.role);
      projects.set(p.key, id);
    }
    const links = archive.events.map((e) => {
      const eventId = createEvent(db, {
        title: e.title,
        startsOn: e.startsOn,
        endsOn: e.endsOn ?? null,
        venue: e.venue,
        city: e.city,
        organiserId: orgs.get(e.organiser) ?? null,
      });
      for (const key of e.projects) addEventToProject(db, projects.get(key)!, eventId);
      for (const doc of e.documents ?? []) {
        const path = join(target, 'Documents', doc.file.replace(/^documents\//, ''));
        attachDocument(db, {
          title: doc.title,
          path,
          mime: 'application/pdf',
          fileSize: statSync(path).size,
          owner: { eventId },
        });
      }
      return { eventId, folder: e.folder };
    });
    sql(db, `INSERT INTO settings (key, value) VALUES (?, ?)`).run(
      settingKey,
      JSON.stringify({ rootId, links }),
    );
  })();
  return rootId;
}

/** Puts each sample event's photos (its folder's) into the event, once they are indexed. */
export function linkSamplePhotos(db: Catalog): void {
  const setting = sql<[string], { value: string }>(
    db,
    `SELECT value FROM settings WHERE key = ?`,
  ).get(settingKey);
  if (!setting) return;
  const { rootId, links } = JSON.parse(setting.value) as {
    rootId: number;
    links: { eventId: number; folder: string }[];
  };
  for (const { eventId, folder } of links) {
    const ids = sql<[number, number, string], { id: number }>(
      db,
      `SELECT id FROM photos WHERE root_id = ? AND substr(rel_path, 1, ?) = ?`,
    )
      .all(rootId, folder.length + 1, `${folder}/`)
      .map((r) => r.id);
    if (ids.length) addPhotosToEvent(db, eventId, ids);
  }
}
