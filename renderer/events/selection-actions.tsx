import { useShallow } from 'zustand/react/shallow';
import { useApiAction } from '../api/server-data';
import { useKadar } from '../store/store';

/** What can be done with the selected photos: the menu behind the M key. */
export function SelectionActions() {
  const { count, openPanel, selected, page, openPage, openExport } = useKadar(
    useShallow((s) => ({
      openExport: s.openExport,
      count: s.selected.size,
      openPanel: s.openPanel,
      selected: s.selected,
      page: s.page,
      openPage: s.openPage,
    })),
  );
  const split = useApiAction('events.split');
  const update = useApiAction('events.update');
  if (count === 0) return null;
  return (
    <div className="selection-actions">
      <span className="muted">{count} selected</span>
      <button
        type="button"
        className="button"
        onClick={() => openPanel('move-to-event')}
        title="Move to event (M)"
        data-testid="move-to-event-button"
      >
        Move to event…
      </button>
      <button
        type="button"
        className="button"
        onClick={() => openPanel('tag-box')}
        title="Tags (Ctrl+K)"
        data-testid="tags-button"
      >
        Tags…
      </button>
      <button
        type="button"
        className="button"
        onClick={() => openPanel('people-box')}
        title="People (Ctrl+P)"
        data-testid="people-button"
      >
        People…
      </button>
      <button
        type="button"
        className="button"
        onClick={() => openPanel('caption')}
        title="Caption (Ctrl+Shift+C)"
        data-testid="caption-button"
      >
        Caption…
      </button>
      <button
        type="button"
        className="button"
        onClick={() => openPanel('add-to-gallery', { id: null, photoIds: [...selected] })}
        data-testid="add-to-gallery-button"
      >
        Add to gallery…
      </button>
      <button
        type="button"
        className="button"
        onClick={() => openExport({ kind: 'photos', ids: [...selected] })}
        data-testid="export-selection"
      >
        Export…
      </button>
      <button
        type="button"
        className="button"
        onClick={() => openPanel('event-form', { id: null, photoIds: [...selected] })}
        data-testid="new-event-from-selection"
      >
        New event…
      </button>
      {page.kind === 'event' && count === 1 && (
        <button
          type="button"
          className="button"
          onClick={() => update.mutate({ id: page.id, patch: { coverPhotoId: [...selected][0]! } })}
          data-testid="use-as-cover"
        >
          Use as cover
        </button>
      )}
      {page.kind === 'event' && (
        <button
          type="button"
          className="button"
          title="The selected photos become an event of their own, like this one"
          onClick={() =>
            void split.mutateAsync({ id: page.id, photoIds: [...selected] }).then(
              (event) => openPage({ kind: 'event', id: event.id }),
              () => undefined,
            )
          }
          data-testid="split-event"
        >
          Split off
        </button>
      )}
    </div>
  );
}
