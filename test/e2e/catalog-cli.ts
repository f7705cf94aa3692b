import type { Root, Stats } from '../../shared/api/catalog-schema';
import type { Photo } from '../../shared/api/photo-schema';
import type { KadarEvent } from '../../shared/api/domains/events';
import type { Project } from '../../shared/api/domains/projects';
import { runKadar } from './kadar-host';

/** The catalog as the CLI sees it: the reference the UI is checked against. */
export async function cliPhotos(catalog: string, args: string[] = []): Promise<Photo[]> {
  return JSON.parse(await runKadar(catalog, ['photos', '--json', ...args])) as Photo[];
}

export async function cliStats(catalog: string): Promise<Stats> {
  return JSON.parse(await runKadar(catalog, ['stats', '--json'])) as Stats;
}

export async function cliRoots(catalog: string): Promise<Root[]> {
  return JSON.parse(await runKadar(catalog, ['roots', '--json'])) as Root[];
}

export const idsOf = (photos: readonly Photo[]) => photos.map((p) => p.id).sort((a, b) => a - b);

export async function cliEvents(catalog: string): Promise<KadarEvent[]> {
  return JSON.parse(await runKadar(catalog, ['events', '--json'])) as KadarEvent[];
}

export async function cliProjects(catalog: string): Promise<Project[]> {
  return JSON.parse(await runKadar(catalog, ['projects', '--json'])) as Project[];
}
