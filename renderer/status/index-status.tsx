import { useShallow } from 'zustand/react/shallow';
import { useKadar } from '../store/store';
import { IndexProgress } from './index-progress';
import { IndexSummary } from './index-summary';

export function IndexStatus() {
  const { running, progress, summary } = useKadar(
    useShallow((s) => ({
      running: s.indexRunning,
      progress: s.indexProgress,
      summary: s.indexSummary,
    })),
  );
  if (running) return <IndexProgress progress={progress} />;
  if (summary) return <IndexSummary summary={summary} />;
  return null;
}
