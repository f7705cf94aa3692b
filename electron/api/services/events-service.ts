import { parseFolderName } from '../../archive/folder-name';
import { suggestEvents } from '../../archive/suggest-events';
import { mergeEvents, splitEvent } from '../../catalog/event-merge';
import {
  assignPhotos,
  createEvent,
  deleteEvent,
  listEvents,
  requireEvent,
  updateEvent,
} from '../../catalog/events-repo';
import { linkEvents, requireProject } from '../../catalog/projects-repo';
import { archiveMatches } from '../../catalog/search/archive-matches';
import { photosInNoEvent } from '../../catalog/suggest-source';
import type { eventMethods } from '../../../shared/api/domains/events';
import { findTown } from '../../../shared/text/towns';
import type { ApiContext, DomainHandlers } from '../api-context';
import { count, quoted } from './labels';

export function eventsService(ctx: ApiContext): DomainHandlers<typeof eventMethods> {
  const { db } = ctx;
  return {
    'events.list': ({ search, ...filter }) =>
      listEvents(db, {
        ...filter,
        ...(search?.trim() ? { ids: archiveMatches(db, 'event', search) } : {}),
      }),
    'events.get': ({ id }) => requireEvent(db, id),
    'events.create': ({ photoIds, projectIds, ...fields }) => {
      const id = ctx.edit(`Create event ${quoted(fields.title)}`, (edit) => {
        const created = createEvent(edit, fields);
        if (photoIds) assignPhotos(edit, created, photoIds);
        for (const projectId of projectIds ?? []) {
          requireProject(db, projectId, 'projectIds');
          linkEvents(edit, projectId, [created]);
        }
        return created;
      });
      return requireEvent(db, id);
    },
    'events.update': ({ id, patch }) => {
      const before = requireEvent(db, id);
      ctx.edit(`Edit event ${quoted(patch.title ?? before.title)}`, (edit) =>
        updateEvent(edit, id, patch),
      );
      return requireEvent(db, id);
    },
    'events.delete': ({ id }) => {
      const event = requireEvent(db, id);
      return {
        deleted: ctx.edit(`Delete event ${quoted(event.title)}`, (edit) => deleteEvent(edit, id)),
      };
    },
    'events.merge': ({ targetId, sourceIds }) => {
      const target = requireEvent(db, targetId, 'targetId');
      ctx.edit(`Merge ${new Set(sourceIds).size + 1} events into ${quoted(target.title)}`, (edit) =>
        mergeEvents(edit, targetId, sourceIds),
      );
      return requireEvent(db, targetId);
    },
    'events.split': ({ id, photoIds, title }) => {
      const event = requireEvent(db, id);
      const newId = ctx.edit(
        `Split ${count(photoIds.length, 'photo')} off ${quoted(event.title)}`,
        (edit) => splitEvent(edit, id, photoIds, title),
      );
      return requireEvent(db, newId);
    },
    'events.assignPhotos': ({ eventId, photoIds }) => {
      const label =
        eventId == null
          ? `Take ${count(photoIds.length, 'photo')} out of their event`
          : `Move ${count(photoIds.length, 'photo')} to ${quoted(requireEvent(db, eventId, 'eventId').title)}`;
      return { changed: ctx.edit(label, (edit) => assignPhotos(edit, eventId, photoIds)) };
    },
    'events.suggest': ({ gapHours }) =>
      suggestEvents(photosInNoEvent(db), {
        ...(gapHours != null ? { gapHours } : {}),
        describeFolder: parseFolderName,
        canonicalCity: (name) => findTown(name)?.name ?? null,
      }),
  };
}
