import { useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NewsReading } from '../../shared/api/domains/news';
import { client } from '../api/client';
import { useApiAction } from '../api/server-data';
import { useKadar } from '../store/store';
import { countOf, photoCount } from '../format/format-number';
import { Modal } from '../ui/modal';

interface Draft {
  title: string;
  startsOn: string;
  endsOn: string;
  venue: string;
  city: string;
}

const draftsOf = (reading: NewsReading): Draft[] =>
  reading.events.map((e) => ({
    title: e.title,
    startsOn: e.startsOn ?? '',
    endsOn: e.endsOn ?? '',
    venue: e.venue ?? '',
    city: e.city ?? '',
  }));

/**
 * A news item or invitation, pasted or dropped (text or HTML), read into its events: check and
 * correct them, add a date mentioned in passing if it was an event too, then create them with
 * the listed photos in one step.
 */
export function NewsImport() {
  const { closePanel, openPage, say } = useKadar(
    useShallow((s) => ({ closePanel: s.closePanel, openPage: s.openPage, say: s.say })),
  );
  const [text, setText] = useState('');
  const [year, setYear] = useState('');
  const [reading, setReading] = useState<NewsReading | null>(null);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const importItem = useApiAction('news.import');

  const read = async (source = text) => {
    setError(null);
    try {
      const result = await client.call('news.read', {
        text: source,
        ...(year ? { year: Number(year) } : {}),
      });
      setReading(result);
      setDrafts(draftsOf(result));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const onDrop = (e: DragEvent) => {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    void file.text().then((content) => {
      setText(content);
      void read(content);
    });
  };
  const create = async () => {
    try {
      const made = await importItem.mutateAsync({
        text,
        events: drafts.map((d) => ({
          title: d.title,
          startsOn: d.startsOn,
          endsOn: d.endsOn || null,
          venue: d.venue || null,
          city: d.city || null,
        })),
      });
      say(
        `Created ${countOf(made.eventIds.length, 'event')}, with ${photoCount(made.linked.length)} put in them`,
      );
      closePanel();
      if (made.eventIds[0]) openPage({ kind: 'event', id: made.eventIds[0] });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const set = (i: number, patch: Partial<Draft>) =>
    setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <Modal title="Events from a news item" onClose={closePanel} testId="news-import" wide>
      <div className="form" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <label htmlFor="news-text">
          Paste the news item or invitation (text or HTML), or drop its file here
        </label>
        <textarea
          id="news-text"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="news-text"
        />
        <div className="form-row">
          <span>
            <label htmlFor="news-year">Year, for dates without one</label>
            <input
              id="news-year"
              type="number"
              min={1990}
              max={2100}
              value={year}
              onChange={(e) => setYear(e.target.value)}
            />
          </span>
          <button
            type="button"
            className="button"
            onClick={() => void read()}
            disabled={!text.trim()}
            data-testid="read-news"
          >
            Read
          </button>
        </div>
        {reading && (
          <>
            <h3>{reading.title}</h3>
            {reading.needsYear && (
              <p className="form-error">A date has no year: give the year above and read again.</p>
            )}
            {drafts.map((d, i) => (
              <div key={i} className="form-row news-event" data-testid="news-event">
                <input
                  aria-label="Title"
                  value={d.title}
                  onChange={(e) => set(i, { title: e.target.value })}
                />
                <input
                  aria-label="First day"
                  type="date"
                  value={d.startsOn}
                  onChange={(e) => set(i, { startsOn: e.target.value })}
                />
                <input
                  aria-label="Last day"
                  type="date"
                  value={d.endsOn}
                  onChange={(e) => set(i, { endsOn: e.target.value })}
                />
                <input
                  aria-label="Venue"
                  placeholder="Venue"
                  value={d.venue}
                  onChange={(e) => set(i, { venue: e.target.value })}
                />
                <input
                  aria-label="Town"
                  placeholder="Town"
                  value={d.city}
                  onChange={(e) => set(i, { city: e.target.value })}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Not an event"
                  onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </div>
            ))}
            {reading.otherDates.length > 0 && (
              <p className="muted">
                Also mentioned:{' '}
                {reading.otherDates.map((o, i) => (
                  <button
                    key={i}
                    type="button"
                    className="chip"
                    title="Make this an event too"
                    onClick={() =>
                      setDrafts([
                        ...drafts,
                        {
                          title: reading.title,
                          startsOn: o.startsOn ?? '',
                          endsOn: o.endsOn ?? '',
                          venue: '',
                          city: '',
                        },
                      ])
                    }
                  >
                    + {o.text}
                  </button>
                ))}
              </p>
            )}
            <p data-testid="news-photos">
              {reading.photos.linked.length} listed photos found
              {reading.photos.unmatched.length
                ? `, ${reading.photos.unmatched.length} not in the catalog (${reading.photos.unmatched.join(', ')})`
                : ''}
              {reading.photos.ambiguous.length
                ? `, ${reading.photos.ambiguous.length} in several folders (${reading.photos.ambiguous.map((a) => a.name).join(', ')}): not linked`
                : ''}
              {reading.suggestedPhotoIds.length
                ? `. ${reading.suggestedPhotoIds.length} more were taken on those days.`
                : '.'}
            </p>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={closePanel}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={drafts.length === 0}
            onClick={() => void create()}
            data-testid="create-news-events"
          >
            Create {drafts.length === 1 ? 'the event' : `${drafts.length} events`}
          </button>
        </div>
      </div>
    </Modal>
  );
}
