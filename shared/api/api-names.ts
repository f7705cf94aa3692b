/**
 * The contract's method and event names as plain lists. The renderer checks names against
 * these without loading the schemas (zod), which would cost every window start a tenth of a
 * second; `contract.ts` is checked against them at compile time.
 */

export const methodNames = [
  'app.info',
  'catalog.stats',
  'roots.list',
  'roots.add',
  'roots.folders',
  'photos.ids',
  'photos.get',
  'photos.page',
  'photos.days',
  'photos.edit',
  'photos.caption',
  'cameras.list',
  'tags.list',
  'tags.ofPhotos',
  'tags.add',
  'tags.remove',
  'tags.rename',
  'tags.move',
  'tags.merge',
  'tags.delete',
  'people.list',
  'people.get',
  'people.create',
  'people.update',
  'people.delete',
  'people.tag',
  'people.untag',
  'searches.list',
  'searches.save',
  'searches.rename',
  'searches.delete',
  'events.list',
  'events.get',
  'events.create',
  'events.update',
  'events.delete',
  'events.merge',
  'events.split',
  'events.assignPhotos',
  'events.suggest',
  'projects.list',
  'projects.get',
  'projects.timeline',
  'projects.create',
  'projects.update',
  'projects.delete',
  'projects.linkEvents',
  'projects.unlinkEvents',
  'organisations.list',
  'organisations.get',
  'organisations.create',
  'organisations.update',
  'organisations.delete',
  'documents.list',
  'documents.attach',
  'documents.rename',
  'documents.remove',
  'shell.openDocument',
  'shell.pickDocuments',
  'galleries.list',
  'galleries.get',
  'galleries.create',
  'galleries.rename',
  'galleries.delete',
  'galleries.add',
  'galleries.remove',
  'galleries.reorder',
  'galleries.setCover',
  'backups.list',
  'backups.create',
  'backups.setSecondFolder',
  'backups.restore',
  'presets.list',
  'presets.save',
  'presets.delete',
  'export.plan',
  'export.start',
  'export.cancel',
  'export.again',
  'export.history',
  'export.get',
  'news.read',
  'news.import',
  'history.list',
  'history.undo',
  'history.redo',
  'index.start',
  'index.cancel',
  'index.state',
  'index.issues',
  'sample.open',
  'shell.pickFolder',
  'shell.showInFolder',
  'shell.showExport',
] as const;

export const eventNames = [
  'index.progress',
  'index.finished',
  'export.progress',
  'export.finished',
  'catalog.changed',
] as const;

export type MethodName = (typeof methodNames)[number];
export type EventName = (typeof eventNames)[number];

const methodSet: ReadonlySet<string> = new Set(methodNames);
const eventSet: ReadonlySet<string> = new Set(eventNames);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && methodSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}
