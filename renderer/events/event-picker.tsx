import { useState } from 'react';
import type { KadarEvent } from '../../shared/api/domains/events';
import { foldText } from '../../shared/text/fold-text';
import { useApi } from '../api/server-data';
import { eventDates } from './event-dates';

/** Whether an event answers what was typed, in any spelling or script of its title and town. */
export function eventMatches(event: KadarEvent, typed: string): boolean {
  const folded = foldText(typed.trim());
  return (
    !folded || foldText(`${event.title} ${event.city ?? ''} ${event.startsOn}`).includes(folded)
  );
}

/** A search box over the events, newest first; Enter or a click picks one. */
export function EventPicker(props: { onPick: (event: KadarEvent) => void; exceptId?: number }) {
  const events = useApi('events.list', {});
  const [find, setFind] = useState('');
  const shown = (events.data ?? [])
    .filter((e) => e.id !== props.exceptId && eventMatches(e, find))
    .reverse()
    .slice(0, 50);
  return (
    <>
      <input
        type="search"
        placeholder="Find an event"
        aria-label="Find an event"
        value={find}
        onChange={(e) => setFind(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) props.onPick(shown[0]);
        }}
      />
      <ul className="picker" aria-label="Events">
        {shown.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="archive-row"
              onClick={() => props.onPick(e)}
              data-testid="pick-event"
            >
              <span className="archive-name">{e.title}</span>
              <span className="archive-sub">{eventDates(e)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
