import { requirePhotos } from '../../catalog/events-repo';
import { findOrCreateOrganisation } from '../../catalog/organisations-repo';
import {
  createPerson,
  deletePerson,
  listPeople,
  requirePerson,
  updatePerson,
} from '../../catalog/people-repo';
import { addLinks, removeLinks } from '../../catalog/photo-links';
import type { peopleMethods } from '../../../shared/api/domains/people';
import type { ApiContext, DomainHandlers } from '../api-context';
import { count, quoted } from './labels';

export function peopleService(ctx: ApiContext): DomainHandlers<typeof peopleMethods> {
  const { db } = ctx;
  const names = (personIds: readonly number[]) =>
    personIds.map((id) => requirePerson(db, id, 'personIds').name).join(', ');
  return {
    'people.list': () => listPeople(db),
    'people.get': ({ id }) => requirePerson(db, id),
    'people.create': ({ organisation, ...fields }) => {
      const id = ctx.edit(`Add ${quoted(fields.name)}`, (edit) =>
        createPerson(edit, {
          ...fields,
          ...(organisation
            ? { organisationId: findOrCreateOrganisation(edit, { name: organisation }) }
            : {}),
        }),
      );
      return requirePerson(db, id);
    },
    'people.update': ({ id, patch }) => {
      const person = requirePerson(db, id);
      ctx.edit(`Edit ${quoted(person.name)}`, (edit) => updatePerson(edit, id, patch));
      return requirePerson(db, id);
    },
    'people.delete': ({ id }) => {
      const person = requirePerson(db, id);
      ctx.edit(`Delete ${quoted(person.name)}`, (edit) => deletePerson(edit, id));
      return { deleted: true };
    },
    'people.tag': ({ photoIds, personIds }) => {
      requirePhotos(db, photoIds);
      return {
        changed: ctx.edit(`Tag ${names(personIds)} in ${count(photoIds.length, 'photo')}`, (edit) =>
          addLinks(edit, 'person', photoIds, personIds),
        ),
      };
    },
    'people.untag': ({ photoIds, personIds }) => {
      requirePhotos(db, photoIds);
      return {
        changed: ctx.edit(
          `Untag ${names(personIds)} from ${count(photoIds.length, 'photo')}`,
          (edit) => removeLinks(edit, 'person', photoIds, personIds),
        ),
      };
    },
  };
}
