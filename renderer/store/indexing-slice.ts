import type { FileFailure, IndexProgress, IndexSummary } from '../../shared/api/progress-schema';
import { client } from '../api/client';
import { errorMessage } from './error-message';
import type { Slice } from './slice';

export interface IndexingSlice {
  indexRunning: boolean;
  indexProgress: IndexProgress | null;
  /** The run that ended while this window was open, until dismissed. */
  indexSummary: IndexSummary | null;
  issues: FileFailure[] | null;
  issuesError: string | null;
  loadIndexState: () => Promise<void>;
  onIndexProgress: (progress: IndexProgress) => void;
  onIndexFinished: (summary: IndexSummary) => void;
  /** Adds a folder to the library and indexes it; resolves to an error message or null. */
  addFolder: (path: string) => Promise<string | null>;
  /** Electron only: the native folder picker, then `addFolder`. */
  pickAndAddFolder: () => Promise<void>;
  openSample: () => Promise<void>;
  cancelIndex: () => Promise<void>;
  dismissSummary: () => void;
  loadIssues: () => Promise<void>;
}

export const createIndexingSlice: Slice<IndexingSlice> = (set, get) => {
  // A state read that answers after the run's end event must not bring the run back.
  let lastFinishedRun = 0;

  return {
    indexRunning: false,
    indexProgress: null,
    indexSummary: null,
    issues: null,
    issuesError: null,

    async loadIndexState() {
      try {
        const state = await client.call('index.state', {});
        if (!state.running || (state.progress?.runId ?? Infinity) <= lastFinishedRun) return;
        set({
          indexRunning: true,
          indexProgress: get().indexProgress ?? state.progress,
          indexSummary: null,
        });
      } catch (error) {
        get().notify(error);
      }
    },

    onIndexProgress(progress) {
      set({ indexRunning: true, indexProgress: progress, indexSummary: null });
    },

    onIndexFinished(summary) {
      lastFinishedRun = Math.max(lastFinishedRun, summary.runId);
      set({ indexRunning: false, indexProgress: null, indexSummary: summary });
      if (get().panel === 'errors') void get().loadIssues();
    },

    async addFolder(path) {
      try {
        const { rootId } = await client.call('roots.add', { path });
        await client.call('index.start', { rootIds: [rootId] });
        void get().loadIndexState();
        void get().loadRoots();
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },

    async pickAndAddFolder() {
      try {
        const { path } = await client.call('shell.pickFolder', {});
        if (path == null) return;
        const failure = await get().addFolder(path);
        if (failure) get().notify(failure);
      } catch (error) {
        get().notify(error);
      }
    },

    async openSample() {
      try {
        // sample.open starts its own run.
        await client.call('sample.open', {});
        void get().loadIndexState();
        void get().refreshAll();
      } catch (error) {
        get().notify(error);
      }
    },

    async cancelIndex() {
      try {
        await client.call('index.cancel', {});
      } catch (error) {
        get().notify(error);
      }
    },

    dismissSummary() {
      set({ indexSummary: null });
    },

    async loadIssues() {
      try {
        set({ issues: await client.call('index.issues', {}), issuesError: null });
      } catch (error) {
        set({ issuesError: errorMessage(error) });
      }
    },
  };
};
