import { useShallow } from 'zustand/react/shallow';
import { useApi, useApiAction } from '../api/server-data';
import { formatCount } from '../format/format-number';
import { useKadar } from '../store/store';

/** The sidebar's organisations: organisers and partners, each with a page of its own. */
export function OrganisationsSection() {
  const organisations = useApi('organisations.list', {});
  const create = useApiAction('organisations.create');
  const { page, openPage } = useKadar(useShallow((s) => ({ page: s.page, openPage: s.openPage })));
  return (
    <div className="archive-list" data-testid="organisations-section">
      <div className="archive-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            void create.mutateAsync({ name: 'New organisation' }).then(
              (o) => openPage({ kind: 'organisation', id: o.id }),
              () => undefined,
            )
          }
          data-testid="new-organisation"
        >
          New organisation
        </button>
      </div>
      <ul className="archive-rows" aria-label="Organisations">
        {(organisations.data ?? []).map((o) => {
          const active = page.kind === 'organisation' && page.id === o.id;
          return (
            <li key={o.id}>
              <button
                type="button"
                className={active ? 'archive-row archive-row-active' : 'archive-row'}
                aria-pressed={active}
                onClick={() => openPage({ kind: 'organisation', id: o.id })}
                data-testid="organisation-row"
              >
                <span className="archive-name">{o.name}</span>
                <span className="archive-sub">
                  {[o.shortName, o.city, o.country].filter(Boolean).join(' · ')}
                </span>
                <span className="count">{formatCount(o.eventIds.length)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
