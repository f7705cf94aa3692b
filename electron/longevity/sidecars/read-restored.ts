import { levelFromFile } from '../../../shared/catalog/tag-levels';
import * as exifr from 'exifr/src/bundles/full.mjs';
import { colourLabels, type ColourLabel } from '../../../shared/catalog/photo-fields';
import { xmpText } from '../../indexer/text-values';
import type { PhotoLayer } from '../photo-layer';
import type { RestoredPhoto } from '../restore-photo';

type Segments = Record<string, Record<string, unknown> | undefined>;

/** Cheap test before parsing: only sidecars Kadar wrote carry a layer to restore. */
const kadarNamespace = 'kadar.app/ns/';

function ratingOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= -1 && n <= 5 ? n : null;
}

/**
 * What a person gave a photo, from a sidecar Kadar wrote: the values its Kadar namespace marks
 * as edited are read from the sidecar's own standard properties (the file's other values
 * stay the file's), with the added and removed tags and people and the event. Null for a
 * sidecar without Kadar's namespace, or one that cannot be read (the indexer reads the rest of
 * it as any other sidecar).
 */
export async function readRestored(sidecar: Buffer): Promise<RestoredPhoto | null> {
  if (!sidecar.includes(kadarNamespace)) return null;
  let kadar;
  let xmp: Segments;
  try {
    // Loaded only for a sidecar Kadar wrote: index threads start without the XML library.
    const { readKadarLayer } = await import('./sidecar-xmp');
    kadar = readKadarLayer(sidecar.toString('utf8'));
    if (!kadar) return null;
    xmp = ((await exifr.sidecar(sidecar, { xmp: true, mergeOutput: false }, 'xmp')) ??
      {}) as Segments;
  } catch {
    return null;
  }
  const x = (ns: string) => xmp[ns] ?? {};
  const edited = new Set(kadar.edited);
  const rating = ratingOf(x('xmp').Rating);
  const label = xmpText(x('xmp').Label)?.toLowerCase() ?? null;
  const layer: PhotoLayer = {
    addedTags: kadar.addedTags,
    removedTags: kadar.removedTags,
    addedPeople: kadar.addedPeople,
    removedPeople: kadar.removedPeople,
    event: kadar.event?.uid ?? null,
  };
  // '' is the person's "none": an edited value the sidecar no longer holds was cleared.
  if (edited.has('title')) layer.title = xmpText(x('dc').title) ?? '';
  if (edited.has('caption')) layer.caption = xmpText(x('dc').description) ?? '';
  const stars = rating === -1 ? kadar.stars : rating;
  if (edited.has('rating') && stars != null) layer.rating = stars;
  if (edited.has('flag'))
    layer.flag = rating === -1 ? 'reject' : /^true$/i.test(String(x('kadar').Pick)) ? 'pick' : '';
  if (edited.has('label'))
    layer.label = (colourLabels as readonly string[]).includes(label ?? '')
      ? (label as ColourLabel)
      : '';
  return { layer, event: kadar.event, derived: kadar.derived, stars: kadar.stars };
}

/** The metadata fields a sidecar Kadar wrote may hold other than as the file said them. */
interface Described {
  title: string | null;
  caption: string | null;
  rating: number | null;
  label: ColourLabel | null;
  keywords: string[];
  hierarchicalKeywords: string[][];
  people: string[];
  event: string | null;
  city: string | null;
  location: string | null;
  creator: string | null;
  credit: string | null;
  copyright: string | null;
}

/** `first`, then those of `more` it lacks: the file's own order stays. */
function union<T>(first: T[], more: T[], key: (item: T) => string): T[] {
  const seen = new Set(first.map(key));
  return [...first, ...more.filter((item) => !seen.has(key(item)))];
}

/**
 * What the file itself says, where a sidecar Kadar wrote holds values of Kadar's over it: the
 * person's edits, and what Kadar filled in from the catalog (an event's town, a project's
 * credit: `derived`), come from the file alone (`own`, read without the sidecar); the tags and
 * people the person added are not the file's. What another tool put in the sidecar (keywords,
 * a creator, a rating Kadar did not change) stays the file's.
 */
export function fileValuesUnder<M extends Described>(
  merged: M,
  own: Described,
  restored: RestoredPhoto,
): M {
  const { layer } = restored;
  const out = { ...merged };
  if (layer.title !== undefined) out.title = own.title;
  if (layer.caption !== undefined) out.caption = own.caption;
  // The stars: the person's edit hides the file's, and a reject Kadar wrote (-1) keeps the
  // stars beside it; a pick leaves the sidecar's stars (another tool's) as they are.
  if (layer.rating !== undefined) out.rating = own.rating;
  else if (layer.flag !== undefined && merged.rating === -1) out.rating = restored.stars;
  if (layer.label !== undefined) out.label = own.label;
  // Only what Kadar filled in from the catalog: another tool's values in the sidecar stay.
  const derived = new Set(restored.derived);
  for (const field of ['event', 'city', 'creator', 'credit', 'copyright'] as const)
    if (derived.has(field)) out[field] = own[field];
  if (derived.has('venue')) out.location = own.location;
  const ownKeywords = new Set(own.keywords);
  const addedLeaves = new Set(layer.addedTags.map((p) => p.slice(p.lastIndexOf('/') + 1)));
  out.keywords = union(
    own.keywords,
    merged.keywords.filter((k) => ownKeywords.has(k) || !addedLeaves.has(levelFromFile(k))),
    (k) => k,
  );
  const added = new Set(layer.addedTags);
  out.hierarchicalKeywords = union(
    own.hierarchicalKeywords,
    merged.hierarchicalKeywords.filter((p) => !added.has(p.map(levelFromFile).join('/'))),
    (p) => p.join('/'),
  );
  const addedPeople = new Set(layer.addedPeople.map((p) => p.toLowerCase()));
  out.people = union(
    own.people,
    merged.people.filter((p) => !addedPeople.has(p.toLowerCase())),
    (p) => p.toLowerCase(),
  );
  return out;
}
