import type { ExportSource } from '../../shared/api/domains/export';
import type { Slice } from './slice';

export type Panel =
  | 'errors'
  | 'add-folder'
  | 'event-form'
  | 'project-form'
  | 'news-import'
  | 'move-to-event'
  | 'tag-box'
  | 'tag-edit'
  | 'people-box'
  | 'caption'
  | 'save-search'
  | 'export'
  | 'add-to-gallery'
  | 'backups'
  | 'sidecars'
  | 'shortcuts';

/** What the main area shows: the library's grid, an event above its photos, a project's
 * history, or the suggested events. */
export type Page =
  | { kind: 'library' }
  | { kind: 'event'; id: number }
  | { kind: 'project'; id: number }
  | { kind: 'organisation'; id: number }
  | { kind: 'person'; id: number }
  | { kind: 'gallery'; id: number }
  | { kind: 'suggestions' };

/** What a form panel edits: an existing thing by id, or a new one (with photos to put in it). */
export interface Editing {
  id: number | null;
  photoIds?: number[];
}

export interface ViewSlice {
  thumbSize: number;
  /** The photo open in the viewer, or null for the grid. */
  viewerId: number | null;
  panel: Panel | null;
  editing: Editing;
  page: Page;
  /** The document open in the PDF viewer. */
  pdf: { documentId: number; title: string } | null;
  /** What the export dialog exports. */
  exportSource: ExportSource | null;
  /** An export already running (started again from the history), to follow in the dialog. */
  exportRun: number | null;
  openExport: (source: ExportSource) => void;
  followExport: (exportId: number) => void;
  /** In the viewer, a rating, flag or label key moves on to the next photo. */
  autoAdvance: boolean;
  setAutoAdvance: (on: boolean) => void;
  openPage: (page: Page) => void;
  openPanel: (panel: Panel, editing?: Editing) => void;
  openPdf: (pdf: { documentId: number; title: string } | null) => void;
  setThumbSize: (size: number) => void;
  openViewer: (id: number) => void;
  /** Moves through the grid's id list. */
  stepViewer: (delta: number) => void;
  closeViewer: () => void;
  closePanel: () => void;
}

export const thumbSizes = { min: 96, max: 320, step: 8, initial: 168 } as const;

export const createViewSlice: Slice<ViewSlice> = (set, get) => ({
  thumbSize: thumbSizes.initial,
  viewerId: null,
  panel: null,
  editing: { id: null },
  page: { kind: 'library' },
  pdf: null,
  exportSource: null,
  exportRun: null,
  autoAdvance: localStorage.getItem('kadar.autoAdvance') !== 'false',

  setAutoAdvance(autoAdvance) {
    localStorage.setItem('kadar.autoAdvance', String(autoAdvance));
    set({ autoAdvance });
  },

  openPage(page) {
    set({ page });
    // An event's page is the grid filtered to the event, a person's to their photos.
    const eventId = page.kind === 'event' ? page.id : undefined;
    const personId = page.kind === 'person' ? page.id : undefined;
    const { filter } = get();
    if (eventId !== filter.eventId || personId !== filter.personId)
      get().setFilter({ eventId, personId, noEvent: undefined });
    else if (page.kind !== 'library' && filter.organisationId != null)
      get().setFilter({ organisationId: undefined });
  },

  openPdf(pdf) {
    set({ pdf });
  },

  openExport(exportSource) {
    set({ exportSource, exportRun: null, panel: 'export' });
  },

  followExport(exportRun) {
    set({ exportRun, panel: 'export' });
  },

  setThumbSize(thumbSize) {
    set({ thumbSize });
  },

  openViewer(id) {
    set({ viewerId: id, focusId: id });
  },

  stepViewer(delta) {
    const { ids, viewerId } = get();
    if (viewerId == null) return;
    const next = ids[ids.indexOf(viewerId) + delta];
    if (next != null) set({ viewerId: next, focusId: next });
  },

  closeViewer() {
    set({ viewerId: null });
  },

  openPanel(panel, editing = { id: null }) {
    set({ panel, editing });
    if (panel === 'errors') void get().loadIssues();
  },

  closePanel() {
    set({ panel: null });
  },
});
