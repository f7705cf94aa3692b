import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EventFields, KadarEvent } from '../../shared/api/domains/events';
import { useApi, useApiAction } from '../api/server-data';
import { useKadar } from '../store/store';
import { FormActions } from '../ui/form-actions';
import { Modal } from '../ui/modal';

type Draft = Record<
  | 'title'
  | 'startsOn'
  | 'endsOn'
  | 'startTime'
  | 'endTime'
  | 'venue'
  | 'city'
  | 'country'
  | 'description',
  string
> & { organiserId: string };

function draftOf(e: KadarEvent | undefined): Draft {
  return {
    title: e?.title ?? '',
    startsOn: e?.startsOn ?? '',
    endsOn: e?.endsOn ?? '',
    startTime: e?.startTime ?? '',
    endTime: e?.endTime ?? '',
    venue: e?.venue ?? '',
    city: e?.city ?? '',
    country: e?.country ?? '',
    description: e?.description ?? '',
    organiserId: e?.organiserId != null ? String(e.organiserId) : '',
  };
}

/** Blank fields mean "none"; the API refuses what is wrong and says which field. */
function fieldsOf(d: Draft): EventFields {
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    title: d.title,
    startsOn: d.startsOn,
    endsOn: orNull(d.endsOn),
    startTime: orNull(d.startTime),
    endTime: orNull(d.endTime),
    venue: orNull(d.venue),
    city: orNull(d.city),
    country: orNull(d.country),
    description: orNull(d.description),
    organiserId: d.organiserId ? Number(d.organiserId) : null,
  };
}

/** Creates an event (with the photos it was opened for) or edits one. */
export function EventForm() {
  const { editing, closePanel, openPage } = useKadar(
    useShallow((s) => ({ editing: s.editing, closePanel: s.closePanel, openPage: s.openPage })),
  );
  const existing = useApi('events.get', { id: editing.id ?? 0 }, { enabled: editing.id != null });
  if (editing.id != null && !existing.data) return null;
  return (
    <EventFormBody
      key={editing.id ?? 'new'}
      event={existing.data}
      photoIds={editing.photoIds}
      onDone={(id) => {
        closePanel();
        openPage({ kind: 'event', id });
      }}
      onClose={closePanel}
    />
  );
}

function EventFormBody(props: {
  event: KadarEvent | undefined;
  photoIds: number[] | undefined;
  onDone: (id: number) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(props.event));
  const [error, setError] = useState<string | null>(null);
  const organisations = useApi('organisations.list', {});
  const create = useApiAction('events.create');
  const update = useApiAction('events.update');
  const field = (name: keyof Draft) => ({
    id: `event-${name}`,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const saved = props.event
        ? await update.mutateAsync({ id: props.event.id, patch: fieldsOf(draft) })
        : await create.mutateAsync({
            ...fieldsOf(draft),
            ...(props.photoIds?.length ? { photoIds: props.photoIds } : {}),
          });
      props.onDone(saved.id);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <Modal
      title={props.event ? 'Edit event' : 'New event'}
      onClose={props.onClose}
      testId="event-form"
    >
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="event-title">Title</label>
        <input {...field('title')} required data-testid="event-title-input" />
        <div className="form-row">
          <span>
            <label htmlFor="event-startsOn">First day</label>
            <input {...field('startsOn')} type="date" required />
          </span>
          <span>
            <label htmlFor="event-endsOn">Last day</label>
            <input {...field('endsOn')} type="date" />
          </span>
          <span>
            <label htmlFor="event-startTime">From</label>
            <input {...field('startTime')} type="time" />
          </span>
          <span>
            <label htmlFor="event-endTime">To</label>
            <input {...field('endTime')} type="time" />
          </span>
        </div>
        <label htmlFor="event-venue">Venue</label>
        <input {...field('venue')} />
        <div className="form-row">
          <span>
            <label htmlFor="event-city">Town</label>
            <input {...field('city')} />
          </span>
          <span>
            <label htmlFor="event-country">Country</label>
            <input {...field('country')} />
          </span>
        </div>
        <label htmlFor="event-organiserId">Organiser</label>
        <select {...field('organiserId')}>
          <option value="">None</option>
          {(organisations.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label htmlFor="event-description">Description</label>
        <textarea {...field('description')} rows={3} />
        {props.photoIds?.length ? (
          <p className="muted">The {props.photoIds.length} selected photos go into it.</p>
        ) : null}
        <FormActions
          error={error}
          submitLabel={props.event ? 'Save' : 'Create event'}
          submitTestId="save-event"
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
