import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Organisation } from '../../shared/api/domains/organisations';
import { useApi, useApiAction } from '../api/server-data';
import { eventDates } from '../events/event-dates';
import { useKadar } from '../store/store';

const fields = [
  ['name', 'Name'],
  ['shortName', 'Short name'],
  ['city', 'Town'],
  ['country', 'Country'],
  ['website', 'Website'],
] as const;

/** An organisation: its facts (edited in place), the events it organised, the projects it is in. */
export function OrganisationPage({ id }: { id: number }) {
  const organisation = useApi('organisations.get', { id });
  if (!organisation.data) return null;
  return <OrganisationBody key={organisation.data.id} organisation={organisation.data} />;
}

function OrganisationBody({ organisation: o }: { organisation: Organisation }) {
  const events = useApi('events.list', { organisationId: o.id });
  const projects = useApi('projects.list', {});
  const update = useApiAction('organisations.update');
  const remove = useApiAction('organisations.delete');
  const { openPage, setFilter } = useKadar(
    useShallow((s) => ({ openPage: s.openPage, setFilter: s.setFilter })),
  );
  const [draft, setDraft] = useState(() =>
    Object.fromEntries(fields.map(([key]) => [key, o[key] ?? ''])),
  );
  const save = (e: FormEvent) => {
    e.preventDefault();
    const patch = Object.fromEntries(fields.map(([key]) => [key, draft[key]?.trim() || null]));
    update.mutate({ id: o.id, patch: { ...patch, name: draft.name ?? o.name } });
  };
  const its = (projects.data ?? []).filter((p) => o.projectIds.includes(p.id));

  return (
    <article className="project-page" data-testid="organisation-page">
      <h1>{o.name}</h1>
      <form className="form organisation-form" onSubmit={save}>
        <div className="form-row">
          {fields.map(([key, label]) => (
            <span key={key}>
              <label htmlFor={`organisation-${key}`}>{label}</label>
              <input
                id={`organisation-${key}`}
                value={draft[key] ?? ''}
                required={key === 'name'}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              />
            </span>
          ))}
          <button type="submit" className="button button-primary" data-testid="save-organisation">
            Save
          </button>
        </div>
      </form>
      <div className="event-buttons">
        <button
          type="button"
          className="button"
          onClick={() => {
            openPage({ kind: 'library' });
            setFilter({ organisationId: o.id });
          }}
          data-testid="organisation-photos"
        >
          Show its photos
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void remove.mutateAsync({ id: o.id }).then(() => openPage({ kind: 'library' }))
          }
        >
          Delete organisation
        </button>
      </div>
      <h2>Events it organised</h2>
      <ul className="plain-list">
        {(events.data ?? []).map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => openPage({ kind: 'event', id: e.id })}
            >
              {e.title}
            </button>{' '}
            <span className="muted">{eventDates(e)}</span>
          </li>
        ))}
        {events.data?.length === 0 && <li className="muted">None yet.</li>}
      </ul>
      <h2>Projects it is in</h2>
      <ul className="plain-list">
        {its.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => openPage({ kind: 'project', id: p.id })}
            >
              {p.name}
            </button>{' '}
            <span className="muted">{p.partners.find((x) => x.organisationId === o.id)?.role}</span>
          </li>
        ))}
        {its.length === 0 && <li className="muted">None yet.</li>}
      </ul>
    </article>
  );
}
