import type { IndexProgress as Progress } from '../../shared/api/progress-schema';
import { formatCount, formatDuration } from '../format/format-number';
import { useKadar } from '../store/store';

const phaseLabels: Record<Progress['phase'], string> = {
  scanning: 'Looking for photos',
  indexing: 'Indexing',
  finishing: 'Finishing',
  done: 'Done',
};

/** The running index: how far, how fast, how long still; and a way to stop it. */
export function IndexProgress({ progress }: { progress: Progress | null }) {
  const cancelIndex = useKadar((s) => s.cancelIndex);
  const finished = progress ? progress.done + progress.failed : 0;

  return (
    <div
      className="index-progress"
      // A group, not a live region: it changes several times a second.
      role="group"
      aria-label="Indexing"
      data-testid="index-progress"
      data-phase={progress?.phase ?? 'starting'}
    >
      {/* Only while nothing can be counted: once the bar fills, it says the run is alive, and
          a spinner's endless animation, in a Chromium that composites without a GPU, costs
          about a fifth of a core for the whole run, taken from the indexing. */}
      {(progress == null || progress.phase !== 'indexing') && (
        <span className="spinner" aria-hidden="true" data-testid="index-spinner" />
      )}
      {progress == null ? (
        <span>Starting to index…</span>
      ) : (
        <>
          <span className="phase">{phaseLabels[progress.phase]}</span>
          <progress
            max={Math.max(progress.queued, 1)}
            value={finished}
            aria-label="Indexing progress"
          />
          <span data-testid="index-done" data-done={finished} data-queued={progress.queued}>
            {formatCount(finished)} / {formatCount(progress.queued)}
          </span>
          <span>found {formatCount(progress.found)}</span>
          <span className={progress.failed > 0 ? 'text-error' : undefined}>
            {formatCount(progress.failed)} failed
          </span>
          <span>{progress.rate.toFixed(1)}/s</span>
          {progress.etaSeconds != null && <span>ETA {formatDuration(progress.etaSeconds)}</span>}
        </>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={() => void cancelIndex()}
        data-testid="index-cancel"
      >
        Cancel
      </button>
    </div>
  );
}
