import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EventSuggestion } from '../../shared/api/domains/events';
import { client } from '../api/client';
import { useApi, useApiAction } from '../api/server-data';
import { formatCompactDay } from '../format/format-date';
import { photoCount } from '../format/format-number';
import { useKadar } from '../store/store';
import { useDismissed } from './use-dismissed';

const untitled = (s: EventSuggestion) => `Photos of ${formatCompactDay(s.startsOn)}`;

/** Joins a suggestion with the next: the same event told in two runs of photos. */
function merged(a: EventSuggestion, b: EventSuggestion): EventSuggestion {
  return {
    ...a,
    key: `${a.key}+${b.key}`,
    endsAt: b.endsAt > a.endsAt ? b.endsAt : a.endsAt,
    endsOn:
      (b.endsOn ?? b.startsOn) > (a.endsOn ?? a.startsOn) ? (b.endsOn ?? b.startsOn) : a.endsOn,
    photoIds: [...a.photoIds, ...b.photoIds],
    folderPaths: [...new Set([...a.folderPaths, ...b.folderPaths])],
    title: a.title ?? b.title,
    city: a.city ?? b.city,
    venue: a.venue ?? b.venue,
  };
}

/**
 * Proposed events for the photos in none: Enter accepts the focused one as it reads (rename it
 * first in its field, or later), M merges it with the next, Delete drops it, ↑/↓ move.
 */
export function SuggestionsView() {
  const [gap, setGap] = useState(3);
  const suggestions = useApi('events.suggest', { gapHours: gap });
  const [dismissed, dismiss] = useDismissed();
  const [merges, setMerges] = useState<Record<string, string>>({});
  const [focus, setFocus] = useState(0);
  const list = useRef<HTMLOListElement>(null);

  // Merges are kept by key, so a refresh after an accept keeps them.
  const shown: EventSuggestion[] = [];
  for (const s of suggestions.data ?? []) {
    if (dismissed.has(s.key)) continue;
    const last = shown.at(-1);
    if (last && merges[last.key.split('+').at(-1)!] === s.key)
      shown[shown.length - 1] = merged(last, s);
    else shown.push(s);
  }

  useEffect(() => {
    list.current?.querySelectorAll<HTMLElement>('[data-testid="suggestion"]')[focus]?.focus();
  }, [focus, shown.length]);

  return (
    <section className="suggestions" aria-label="Suggested events" data-testid="suggestions-view">
      <header className="suggestions-head">
        <h1>Suggested events</h1>
        <label>
          A pause of{' '}
          <input
            type="number"
            min={0.5}
            max={48}
            step={0.5}
            value={gap}
            onChange={(e) => setGap(Math.max(0.5, Number(e.target.value) || 3))}
            aria-label="Hours between events"
          />{' '}
          hours starts a new event
        </label>
        <p className="muted">Enter accepts · M merges with the next · Delete drops · ↑ ↓ move</p>
      </header>
      {suggestions.isSuccess && shown.length === 0 && (
        <p className="muted">Every photo is in an event.</p>
      )}
      <ol ref={list} className="suggestion-list">
        {shown.map((s, i) => (
          <SuggestionCard
            key={s.key}
            suggestion={s}
            onFocus={() => setFocus(i)}
            onDrop={() => dismiss(s.key)}
            onMerge={() => {
              const next = shown[i + 1];
              if (next)
                setMerges({ ...merges, [s.key.split('+').at(-1)!]: next.key.split('+')[0]! });
            }}
            onMove={(delta) => setFocus(Math.max(0, Math.min(shown.length - 1, i + delta)))}
          />
        ))}
      </ol>
    </section>
  );
}

function SuggestionCard(props: {
  suggestion: EventSuggestion;
  onFocus: () => void;
  onDrop: () => void;
  onMerge: () => void;
  onMove: (delta: number) => void;
}) {
  const s = props.suggestion;
  const [title, setTitle] = useState(s.title ?? '');
  const [city, setCity] = useState(s.city ?? '');
  const create = useApiAction('events.create');
  const say = useKadar((st) => st.say);

  const accept = () =>
    void create
      .mutateAsync({
        title: title.trim() || untitled(s),
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        city: city.trim() || null,
        venue: s.venue,
        photoIds: s.photoIds,
      })
      .then(
        (event) => say(`Created “${event.title}” with ${photoCount(event.photoCount)}`),
        () => undefined,
      );

  const onKeyDown = (e: KeyboardEvent) => {
    const inField = e.target instanceof HTMLInputElement;
    if (e.key === 'Enter') {
      e.preventDefault();
      accept();
    } else if (inField) {
      return;
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      props.onDrop();
    } else if (e.key.toLowerCase() === 'm') {
      e.preventDefault();
      props.onMerge();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      props.onMove(e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <li
      className="suggestion"
      tabIndex={0}
      onFocus={props.onFocus}
      onKeyDown={onKeyDown}
      data-testid="suggestion"
      data-photo-count={s.photoIds.length}
      aria-label={`${title || untitled(s)}, ${photoCount(s.photoIds.length)}`}
    >
      <div className="suggestion-thumbs">
        {s.photoIds.slice(0, 6).map((id) => (
          <img key={id} src={client.imageUrl('thumb', id)} alt="" loading="lazy" />
        ))}
      </div>
      <div className="suggestion-facts">
        <input
          className="suggestion-title"
          value={title}
          placeholder={untitled(s)}
          onChange={(e) => setTitle(e.target.value)}
          aria-label="Title"
          data-testid="suggestion-title"
        />
        <input
          className="suggestion-city"
          value={city}
          placeholder="Town"
          onChange={(e) => setCity(e.target.value)}
          aria-label="Town"
        />
        <span className="muted">
          {formatCompactDay(s.startsOn)}
          {s.endsOn ? ` – ${formatCompactDay(s.endsOn)}` : ''} · {s.startsAt.slice(11, 16)}–
          {s.endsAt.slice(11, 16)} · {photoCount(s.photoIds.length)}
          {s.cameras > 1 ? ` · ${s.cameras} cameras` : ''} · {s.folderPaths.join(', ')}
        </span>
      </div>
      <div className="suggestion-buttons">
        <button
          type="button"
          className="button button-primary"
          onClick={accept}
          data-testid="accept-suggestion"
        >
          Accept
        </button>
        <button type="button" className="button" onClick={props.onMerge}>
          Merge with next
        </button>
        <button type="button" className="button" onClick={props.onDrop}>
          Drop
        </button>
      </div>
    </li>
  );
}
