import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../api/server-data';
import { formatCount } from '../format/format-number';
import { useKadar } from '../store/store';

/** The sidebar's people: a click opens their page, above the photos they are in. */
export function PeopleSection() {
  const people = useApi('people.list', {});
  const { page, openPage } = useKadar(useShallow((s) => ({ page: s.page, openPage: s.openPage })));
  const list = people.data ?? [];
  if (list.length === 0)
    return <p className="muted">No people yet: select photos and press Ctrl+P.</p>;
  return (
    <ul className="archive-rows" aria-label="People" data-testid="people-section">
      {list.map((p) => {
        const active = page.kind === 'person' && page.id === p.id;
        return (
          <li key={p.id}>
            <button
              type="button"
              className={active ? 'archive-row archive-row-active' : 'archive-row'}
              aria-pressed={active}
              onClick={() => openPage(active ? { kind: 'library' } : { kind: 'person', id: p.id })}
              data-testid="person-row"
              data-person-id={p.id}
            >
              <span className="archive-name">{p.name}</span>
              <span className="archive-sub">
                {[
                  p.organisation,
                  p.role,
                  `${formatCount(p.photoCount)} photos`,
                  `${p.eventIds.length} events`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
