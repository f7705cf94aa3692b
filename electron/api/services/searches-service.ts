import {
  deleteSearch,
  listSearches,
  renameSearch,
  requireSearch,
  saveSearch,
} from '../../catalog/searches-repo';
import type { searchMethods } from '../../../shared/api/domains/searches';
import type { ApiContext, DomainHandlers } from '../api-context';
import { quoted } from './labels';

export function searchesService(ctx: ApiContext): DomainHandlers<typeof searchMethods> {
  const { db } = ctx;
  return {
    'searches.list': () => listSearches(db),
    'searches.save': ({ name, filter }) =>
      requireSearch(
        db,
        ctx.edit(`Save the search ${quoted(name)}`, (edit) => saveSearch(edit, name, filter)),
      ),
    'searches.rename': ({ id, name }) => {
      const search = requireSearch(db, id);
      ctx.edit(`Rename the search ${quoted(search.name)} to ${quoted(name)}`, (edit) =>
        renameSearch(edit, id, name),
      );
      return requireSearch(db, id);
    },
    'searches.delete': ({ id }) => {
      const search = requireSearch(db, id);
      ctx.edit(`Delete the search ${quoted(search.name)}`, (edit) => deleteSearch(edit, id));
      return { deleted: true };
    },
  };
}
