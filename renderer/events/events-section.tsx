import { useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KadarEvent } from '../../shared/api/domains/events';
import { useApi, useApiAction } from '../api/server-data';
import { formatCount } from '../format/format-number';
import { useKadar } from '../store/store';
import './archive.css';
import { carriesPhotos, droppedPhotos } from './photo-drag';
import { eventDates } from './event-dates';
import { eventMatches } from './event-picker';

const listedEvents = 300;

/** The sidebar's events, newest first: click to open one, drop photos on one to put them in. */
export function EventsSection() {
  const events = useApi('events.list', {});
  // The suggestions are worked out when their view opens: a count here would mean grouping
  // every photo in no event at each change.
  const inNoEvent = useKadar((s) => s.stats?.inNoEvent ?? 0);
  const [find, setFind] = useState('');
  const { page, noEvent, openPage, openPanel, setFilter } = useKadar(
    useShallow((s) => ({
      page: s.page,
      noEvent: s.filter.noEvent,
      openPage: s.openPage,
      openPanel: s.openPanel,
      setFilter: s.setFilter,
    })),
  );
  const matching = (events.data ?? []).filter((e) => eventMatches(e, find)).reverse();
  // An archive of years holds thousands of events: the newest are listed, the rest found by typing.
  const shown = matching.slice(0, listedEvents);

  return (
    <div className="archive-list" data-testid="events-section">
      <div className="archive-actions">
        <button
          type="button"
          className="button"
          onClick={() => openPanel('event-form')}
          data-testid="new-event"
        >
          New event…
        </button>
        <button
          type="button"
          className="button"
          onClick={() => openPanel('news-import')}
          data-testid="import-news"
        >
          From news…
        </button>
      </div>
      <button
        type="button"
        className={page.kind === 'suggestions' ? 'archive-row archive-row-active' : 'archive-row'}
        onClick={() => openPage({ kind: 'suggestions' })}
        data-testid="open-suggestions"
      >
        <span className="archive-name">Suggested events</span>
      </button>
      <button
        type="button"
        className={noEvent ? 'archive-row archive-row-active' : 'archive-row'}
        aria-pressed={noEvent === true}
        onClick={() => {
          openPage({ kind: 'library' });
          setFilter({ noEvent: noEvent ? undefined : true });
        }}
        data-testid="filter-no-event"
      >
        <span className="archive-name">Photos in no event</span>
        <span className="count" data-testid="in-no-event-count">
          {formatCount(inNoEvent)}
        </span>
      </button>
      <input
        type="search"
        className="archive-find"
        placeholder="Find an event"
        aria-label="Find an event"
        value={find}
        onChange={(e) => setFind(e.target.value)}
      />
      <ul className="archive-rows" aria-label="Events">
        {shown.map((event) => (
          <EventRow
            key={event.id}
            event={event}
            active={page.kind === 'event' && page.id === event.id}
            onOpen={() => openPage({ kind: 'event', id: event.id })}
          />
        ))}
      </ul>
      {matching.length > shown.length && (
        <p className="muted archive-more">
          {formatCount(matching.length - shown.length)} older: type to find them
        </p>
      )}
    </div>
  );
}

function EventRow({
  event,
  active,
  onOpen,
}: {
  event: KadarEvent;
  active: boolean;
  onOpen: () => void;
}) {
  const assign = useApiAction('events.assignPhotos');
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    setOver(false);
    const photoIds = droppedPhotos(e);
    if (photoIds.length) assign.mutate({ eventId: event.id, photoIds });
  };
  const classes = ['archive-row'];
  if (active) classes.push('archive-row-active');
  if (over) classes.push('archive-row-drop');
  return (
    <li
      onDragOver={(e) => {
        if (!carriesPhotos(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <button
        type="button"
        className={classes.join(' ')}
        aria-pressed={active}
        onClick={onOpen}
        title={`${event.title}\n${eventDates(event)}${event.city ? `, ${event.city}` : ''}`}
        data-testid="event-row"
        data-event-id={event.id}
        data-count={event.photoCount}
      >
        <span className="archive-name">{event.title}</span>
        <span className="archive-sub">
          {eventDates(event)}
          {event.city ? ` · ${event.city}` : ''}
        </span>
        <span className="count">{formatCount(event.photoCount)}</span>
      </button>
    </li>
  );
}
