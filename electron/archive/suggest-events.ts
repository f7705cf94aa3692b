import { groupByTime } from './group-by-time';
import { labelSuggestion } from './label-suggestion';
import { splitByFolder } from './split-by-folder';
import { wallClockMs } from './wall-clock-ms';

export interface SuggestPhoto {
  id: number;
  /** Local wall-clock 'YYYY-MM-DDTHH:MM:SS(.sss)' as the camera recorded it, no zone. */
  takenAt: string;
  /** Make+model key; different cameras' clocks interleave. */
  camera: string | null;
  folderId: number;
  /** '/'-separated, relative to its library root: '2015/2015-11-28 Modna revija Štip'. */
  folderPath: string;
  /** IPTC/XMP Event written by the camera or an earlier tool. */
  iptcEvent: string | null;
  iptcCity: string | null;
  /** IPTC sublocation: often the venue. */
  iptcLocation: string | null;
}

export interface FolderFacts {
  date: string | null;
  title: string | null;
  city: string | null;
}

export interface SuggestOptions {
  /** A longer pause than this between two photos starts a new event. Default 3. */
  gapHours?: number;
  /** What a folder's name says: '2015-11-28 Modna revija Štip' → title, city, date. */
  describeFolder?: (folderPath: string) => FolderFacts;
  /** One spelling per city: 'Nis' and 'Ниш' → 'Niš'; null keeps the name as written. */
  canonicalCity?: (name: string) => string | null;
}

export interface EventSuggestion {
  /** Same photos, same key, on every call: the UI remembers dismissals by it. */
  key: string;
  startsAt: string;
  endsAt: string;
  startsOn: string;
  /** Null when the event is on one day. */
  endsOn: string | null;
  /** In time order. */
  photoIds: number[];
  folderPaths: string[];
  /** Distinct known cameras. */
  cameras: number;
  title: string | null;
  city: string | null;
  venue: string | null;
  /** Where the title came from; 'time' means nowhere, and the UI names it by its date. */
  source: 'iptc' | 'folder' | 'time';
}

const noFacts: FolderFacts = { date: null, title: null, city: null };

/** Calls `f` once per distinct argument: a catalog has thousands of photos per folder. */
function once<R>(f: (arg: string) => R): (arg: string) => R {
  const seen = new Map<string, R>();
  return (arg) => {
    if (seen.has(arg)) return seen.get(arg)!;
    const value = f(arg);
    seen.set(arg, value);
    return value;
  };
}

/**
 * Proposes events for photos that are in none: runs of photos with no pause longer than
 * `gapHours` (all cameras on one timeline), split where one folder's photos end before the
 * next folder's begin (see split-by-folder), pre-filled from IPTC or the folder name. Photos
 * whose takenAt cannot be read are left out. Ordered by start; linear apart from one sort.
 */
export function suggestEvents(
  photos: readonly SuggestPhoto[],
  options: SuggestOptions = {},
): EventSuggestion[] {
  const gapMs = (options.gapHours ?? 3) * 3_600_000;
  const describeFolder = once(options.describeFolder ?? (() => noFacts));
  const canonical = options.canonicalCity;
  const canonicalCity = once((name: string) => (canonical ? (canonical(name) ?? name) : name));

  const times = new Float64Array(photos.length);
  const ids = new Float64Array(photos.length);
  const folderOf = new Float64Array(photos.length);
  photos.forEach((p, i) => {
    times[i] = wallClockMs(p.takenAt);
    ids[i] = p.id;
    folderOf[i] = p.folderId;
  });

  const suggestions: EventSuggestion[] = [];
  for (const run of groupByTime(times, ids, gapMs)) {
    for (const indices of splitByFolder(run, times, folderOf)) {
      const piece = indices.map((i) => photos[i]!);
      const first = piece[0]!;
      const last = piece[piece.length - 1]!;
      const startsOn = first.takenAt.slice(0, 10);
      const endsOn = last.takenAt.slice(0, 10);
      const folderPaths = new Set<string>();
      const cameras = new Set<string>();
      for (const p of piece) {
        folderPaths.add(p.folderPath);
        if (p.camera !== null) cameras.add(p.camera);
      }
      suggestions.push({
        key: `${first.id}-${last.id}-${piece.length}`,
        startsAt: first.takenAt,
        endsAt: last.takenAt,
        startsOn,
        endsOn: endsOn === startsOn ? null : endsOn,
        photoIds: piece.map((p) => p.id),
        folderPaths: [...folderPaths],
        cameras: cameras.size,
        ...labelSuggestion(piece, describeFolder, canonicalCity),
      });
    }
  }
  return suggestions;
}
