import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../api/server-data';
import { formatCount } from '../format/format-number';
import { useKadar } from '../store/store';

/** The sidebar's people: a click shows the photos they are in. */
export function PeopleSection() {
  const people = useApi('people.list', {});
  const { personId, setFilter } = useKadar(
    useShallow((s) => ({ personId: s.filter.personId, setFilter: s.setFilter })),
  );
  const list = people.data ?? [];
  if (list.length === 0)
    return <p className="muted">No people yet: select photos and press Ctrl+P.</p>;
  return (
    <ul className="archive-rows" aria-label="People" data-testid="people-section">
      {list.map((p) => {
        const active = personId === p.id;
        return (
          <li key={p.id}>
            <button
              type="button"
              className={active ? 'archive-row archive-row-active' : 'archive-row'}
              aria-pressed={active}
              onClick={() => setFilter({ personId: active ? undefined : p.id })}
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
