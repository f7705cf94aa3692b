import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Person } from '../../shared/api/domains/people';
import { useApi, useApiAction } from '../api/server-data';
import { eventDates } from '../events/event-dates';
import { photoCount } from '../format/format-number';
import { useKadar } from '../store/store';

/** A person's page, above the photos they are in: who they are and the events they were at. */
export function PersonHeader({ id }: { id: number }) {
  const person = useApi('people.get', { id });
  if (!person.data) return null;
  return <PersonBody key={person.data.id} person={person.data} />;
}

function PersonBody({ person: p }: { person: Person }) {
  const events = useApi('events.list', {});
  const organisations = useApi('organisations.list', {});
  const update = useApiAction('people.update');
  const remove = useApiAction('people.delete');
  const openPage = useKadar(useShallow((s) => s.openPage));
  const [draft, setDraft] = useState({
    name: p.name,
    organisationId: p.organisationId,
    role: p.role ?? '',
  });
  const save = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({
      id: p.id,
      patch: {
        name: draft.name,
        organisationId: draft.organisationId,
        role: draft.role.trim() || null,
      },
    });
  };
  const theirs = (events.data ?? []).filter((e) => p.eventIds.includes(e.id));

  return (
    <header className="event-header" data-testid="person-header">
      <div className="event-facts">
        <h1 data-testid="person-name">{p.name}</h1>
        <p className="event-when">
          {[p.organisation, p.role].filter(Boolean).join(' · ')}
          {p.organisation || p.role ? ' · ' : ''}
          {photoCount(p.photoCount)}
        </p>
        {theirs.length > 0 && (
          <p className="event-line" data-testid="person-events">
            At:{' '}
            {theirs.map((e) => (
              <button
                key={e.id}
                type="button"
                className="link-button"
                onClick={() => openPage({ kind: 'event', id: e.id })}
              >
                {e.title} ({eventDates(e)})
              </button>
            ))}
          </p>
        )}
        <form className="form-row" onSubmit={save}>
          <input
            aria-label="Name"
            value={draft.name}
            required
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <select
            aria-label="Organisation"
            value={draft.organisationId ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, organisationId: e.target.value ? Number(e.target.value) : null })
            }
          >
            <option value="">No organisation</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <input
            aria-label="Role"
            placeholder="Role"
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value })}
          />
          <button type="submit" className="button" data-testid="save-person">
            Save
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void remove.mutateAsync({ id: p.id }).then(() => openPage({ kind: 'library' }))
            }
          >
            Delete person
          </button>
        </form>
      </div>
    </header>
  );
}
