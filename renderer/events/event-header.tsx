import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../api/client';
import { useApi, useApiAction } from '../api/server-data';
import { DocumentsList } from '../documents/documents-list';
import { ExportHistory } from '../export/export-history';
import { photoCount } from '../format/format-number';
import { useKadar } from '../store/store';
import { eventDates } from './event-dates';
import { MergeEvent } from './event-merge';

/** An event's page, above its photos: its facts, projects and documents. */
export function EventHeader({ id }: { id: number }) {
  const event = useApi('events.get', { id });
  const projects = useApi('projects.list', {});
  const remove = useApiAction('events.delete');
  const [merging, setMerging] = useState(false);
  const { openPanel, openPage, openExport } = useKadar(
    useShallow((s) => ({ openPanel: s.openPanel, openPage: s.openPage, openExport: s.openExport })),
  );
  if (!event.data) return null;
  const e = event.data;
  const place = [e.venue, e.city, e.country].filter(Boolean).join(', ');
  const its = (projects.data ?? []).filter((p) => e.projectIds.includes(p.id));

  return (
    <header className="event-header" data-testid="event-header" data-event-id={e.id}>
      {e.coverPhotoId != null && (
        <img className="event-cover" src={client.imageUrl('thumb', e.coverPhotoId)} alt="" />
      )}
      <div className="event-facts">
        <h1 data-testid="event-title">{e.title}</h1>
        <p className="event-when">
          {eventDates(e)}
          {place ? ` · ${place}` : ''}
        </p>
        {e.organiser && <p className="event-line">Organised by {e.organiser}</p>}
        {its.length > 0 && (
          <p className="event-line">
            {its.map((p) => (
              <button
                key={p.id}
                type="button"
                className="chip"
                onClick={() => openPage({ kind: 'project', id: p.id })}
                data-testid="event-project"
              >
                {p.code ? `${p.code} · ` : ''}
                {p.name}
              </button>
            ))}
          </p>
        )}
        {e.description && <p className="event-description">{e.description}</p>}
        <p className="event-line muted">{photoCount(e.photoCount)}</p>
        <div className="event-buttons">
          <button
            type="button"
            className="button"
            onClick={() => openPanel('event-form', { id: e.id })}
            data-testid="edit-event"
          >
            Edit…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setMerging(true)}
            data-testid="merge-event-button"
          >
            Merge into…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              void remove.mutateAsync({ id: e.id }).then(() => openPage({ kind: 'library' }));
            }}
            data-testid="delete-event"
          >
            Delete event
          </button>
          <button
            type="button"
            className="button"
            onClick={() => openExport({ kind: 'event', id: e.id })}
            data-testid="export-event"
          >
            Export gallery…
          </button>
        </div>
        <ExportHistory filter={{ eventId: e.id }} />
        {merging && <MergeEvent id={e.id} onClose={() => setMerging(false)} />}
      </div>
      <DocumentsList owner={{ eventId: e.id }} />
    </header>
  );
}
