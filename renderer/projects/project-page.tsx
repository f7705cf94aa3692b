import { useShallow } from 'zustand/react/shallow';
import type { KadarEvent } from '../../shared/api/domains/events';
import { client } from '../api/client';
import { useApi, useApiAction } from '../api/server-data';
import { DocumentsList } from '../documents/documents-list';
import { ExportHistory } from '../export/export-history';
import { eventDates } from '../events/event-dates';
import { formatCompactDay } from '../format/format-date';
import { countOf, formatCount } from '../format/format-number';
import { useKadar } from '../store/store';

/** A project's history: its facts and partners, then its events in the order they happened. */
export function ProjectPage({ id }: { id: number }) {
  const timeline = useApi('projects.timeline', { id });
  const remove = useApiAction('projects.delete');
  const { openPanel, openPage, openExport } = useKadar(
    useShallow((s) => ({ openPanel: s.openPanel, openPage: s.openPage, openExport: s.openExport })),
  );
  if (timeline.isError)
    return (
      <p className="no-results" role="alert">
        {timeline.error.message}
      </p>
    );
  if (!timeline.data) return null;
  const { project: p, events, totals } = timeline.data;
  const period = [p.startsOn, p.endsOn]
    .filter(Boolean)
    .map((d) => formatCompactDay(d!))
    .join(' – ');

  return (
    <article className="project-page" data-testid="project-page" data-project-id={p.id}>
      <header className="project-head">
        <h1 data-testid="project-name">{p.name}</h1>
        <p className="event-when">{[p.code, p.programme, period].filter(Boolean).join(' · ')}</p>
        <ul className="partners" aria-label="Partners">
          {p.partners.map((partner) => (
            <li key={partner.organisationId} data-testid="partner">
              <strong>{partner.name}</strong> {partner.role}
              {partner.country ? `, ${partner.country}` : ''}
            </li>
          ))}
        </ul>
        <p className="totals" data-testid="project-totals">
          {[
            countOf(totals.events, 'event'),
            countOf(totals.photos, 'photo'),
            countOf(totals.documents, 'document'),
            countOf(totals.towns, 'town'),
            countOf(totals.partners, 'partner'),
          ].join(' · ')}
        </p>
        {p.description && <p className="event-description">{p.description}</p>}
        <div className="event-buttons">
          <button
            type="button"
            className="button"
            onClick={() => openPanel('project-form', { id: p.id })}
            data-testid="edit-project"
          >
            Edit…
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void remove.mutateAsync({ id: p.id }).then(() => openPage({ kind: 'library' }))
            }
          >
            Delete project
          </button>
          <button
            type="button"
            className="button"
            onClick={() => openExport({ kind: 'project', id: p.id })}
            data-testid="export-project"
          >
            Export gallery…
          </button>
        </div>
        <DocumentsList owner={{ projectId: p.id }} />
        <ExportHistory filter={{ projectId: p.id }} />
      </header>
      <ol className="timeline" aria-label="Events" data-testid="timeline">
        {events.map((e) => (
          <TimelineEvent
            key={e.id}
            event={e}
            onOpen={() => openPage({ kind: 'event', id: e.id })}
          />
        ))}
        {events.length === 0 && <li className="muted">No events yet: link them in Edit….</li>}
      </ol>
    </article>
  );
}

function TimelineEvent({ event: e, onOpen }: { event: KadarEvent; onOpen: () => void }) {
  const place = [e.venue, e.city].filter(Boolean).join(', ');
  return (
    <li className="timeline-event" data-testid="timeline-event" data-event-id={e.id}>
      <button
        type="button"
        className="timeline-open"
        onClick={onOpen}
        aria-label={`Open ${e.title}`}
      >
        {e.coverPhotoId != null ? (
          <img src={client.imageUrl('thumb', e.coverPhotoId)} alt="" loading="lazy" />
        ) : (
          <span className="timeline-nocover" />
        )}
      </button>
      <div className="timeline-facts">
        <span className="timeline-date">{eventDates(e)}</span>
        <button type="button" className="link-button timeline-title" onClick={onOpen}>
          {e.title}
        </button>
        <span className="muted">
          {place}
          {place ? ' · ' : ''}
          <span data-testid="timeline-photo-count">{formatCount(e.photoCount)}</span>{' '}
          {e.photoCount === 1 ? 'photo' : 'photos'}
          {e.documents.length > 0 ? ' · ' : ''}
          {e.documents.map((d) => (
            <span key={d.id} className="chip" data-testid="timeline-document">
              {d.title}
            </span>
          ))}
        </span>
      </div>
    </li>
  );
}
