import type { AppInfo } from '../../shared/api/contract';
import type { Stats } from '../../shared/api/catalog-schema';
import { client } from '../api/client';
import { errorMessage } from './error-message';
import type { Slice } from './slice';

export interface Notice {
  id: number;
  message: string;
  /** Errors stay until dismissed; news (an undo done) goes by itself, unless it must stay. */
  kind: 'error' | 'info';
  stay?: boolean;
}

export interface AppSlice {
  info: AppInfo | null;
  /** Set when the catalog could not be opened at all: the app shows only this. */
  bootError: string | null;
  stats: Stats | null;
  notices: Notice[];
  boot: () => Promise<void>;
  loadStats: () => Promise<void>;
  /** Re-asks everything a catalog change may have touched. */
  refreshAll: () => Promise<void>;
  notify: (error: unknown) => void;
  /**
   * Tells the user something went as asked ("Undone: Move 12 photos…"); gone after a few
   * seconds unless it must `stay` (it names something to find later) until dismissed.
   */
  say: (message: string, options?: { stay?: boolean }) => void;
  dismissNotice: (id: number) => void;
}

let nextNoticeId = 1;

export const createAppSlice: Slice<AppSlice> = (set, get) => ({
  info: null,
  bootError: null,
  stats: null,
  notices: [],

  async boot() {
    // The host answers in the order asked. The grid's ids go with app.info, and the sidebar's
    // calls wait until the first screen of thumbnails is in (a second at most).
    const ids = get().loadIds();
    try {
      set({ info: await client.call('app.info', {}) });
    } catch (error) {
      set({ bootError: errorMessage(error) });
      return;
    }
    await ids;
    if (get().ids.length > 0) await get().firstScreenSettled(1000);
    await Promise.all([get().loadIndexState(), get().loadStats(), get().loadLibrary()]);
  },

  async loadStats() {
    try {
      set({ stats: await client.call('catalog.stats', {}) });
    } catch (error) {
      get().notify(error);
    }
  },

  async refreshAll() {
    get().invalidatePhotos();
    await Promise.all([get().loadIds(), get().loadLibrary(), get().loadStats()]);
  },

  notify(error) {
    const message = typeof error === 'string' ? error : errorMessage(error);
    // The same failure repeated (e.g. on every refresh) is one notice, not a pile.
    if (get().notices.some((n) => n.message === message)) return;
    set({ notices: [...get().notices, { id: nextNoticeId++, message, kind: 'error' }] });
  },

  say(message, { stay = false } = {}) {
    const id = nextNoticeId++;
    // Passing news replaces passing news; what must stay stays.
    const kept = get().notices.filter((n) => n.kind === 'error' || n.stay);
    set({ notices: [...kept, { id, message, kind: 'info', stay }] });
    if (!stay) setTimeout(() => get().dismissNotice(id), 4000);
  },

  dismissNotice(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
});
