import {
  createOrganisation,
  deleteOrganisation,
  listOrganisations,
  requireOrganisation,
  updateOrganisation,
} from '../../catalog/organisations-repo';
import type { organisationMethods } from '../../../shared/api/domains/organisations';
import type { ApiContext, DomainHandlers } from '../api-context';
import { quoted } from './labels';

export function organisationsService(ctx: ApiContext): DomainHandlers<typeof organisationMethods> {
  const { db } = ctx;
  return {
    'organisations.list': () => listOrganisations(db),
    'organisations.get': ({ id }) => requireOrganisation(db, id),
    'organisations.create': (fields) =>
      requireOrganisation(
        db,
        ctx.edit(`Create organisation ${quoted(fields.name)}`, (edit) =>
          createOrganisation(edit, fields),
        ),
      ),
    'organisations.update': ({ id, patch }) => {
      const before = requireOrganisation(db, id);
      ctx.edit(`Edit organisation ${quoted(patch.name ?? before.name)}`, (edit) =>
        updateOrganisation(edit, id, patch),
      );
      return requireOrganisation(db, id);
    },
    'organisations.delete': ({ id }) => {
      const organisation = requireOrganisation(db, id);
      return {
        deleted: ctx.edit(`Delete organisation ${quoted(organisation.name)}`, (edit) =>
          deleteOrganisation(edit, id),
        ),
      };
    },
  };
}
