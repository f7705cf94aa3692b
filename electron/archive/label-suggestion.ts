import { byFrequency, mostCommon } from './most-common';
import type { EventSuggestion, FolderFacts, SuggestPhoto } from './suggest-events';

export type SuggestionLabels = Pick<EventSuggestion, 'title' | 'city' | 'venue' | 'source'>;

function text(value: string | null): string | null {
  const t = value?.trim();
  return t ? t : null;
}

function firstOf(values: readonly (string | null)[]): string | null {
  for (const v of values) {
    const t = text(v);
    if (t !== null) return t;
  }
  return null;
}

/**
 * Pre-fills a suggestion from what its photos and folders say. Words a person or camera wrote
 * into the photos (IPTC) beat what the folder name implies, which beats nothing. Folders are
 * tried in order of how many of the photos they hold, so `Event/Nikon` beside a stray `Misc`
 * names the event. The folder's date is deliberately not consulted: camera clocks are often
 * wrong, so a folder dated days off still gives its title while dates stay the photos'.
 */
export function labelSuggestion(
  piece: readonly SuggestPhoto[],
  describeFolder: (folderPath: string) => FolderFacts,
  canonicalCity: (name: string) => string,
): SuggestionLabels {
  const events: (string | null)[] = [];
  const cities: (string | null)[] = [];
  const venues: (string | null)[] = [];
  const paths: string[] = [];
  for (const p of piece) {
    events.push(text(p.iptcEvent));
    // Canonical names vote together: 'Nis' and 'Ниш' are both Niš.
    const city = text(p.iptcCity);
    cities.push(city && canonicalCity(city));
    venues.push(text(p.iptcLocation));
    paths.push(p.folderPath);
  }
  const iptcTitle = mostCommon(events);
  const iptcCity = mostCommon(cities);

  // A folder with nothing to say must not hide the next one, so the lookups go down the list;
  // they are skipped when the photos already said it all.
  const folders =
    iptcTitle === null || iptcCity === null ? byFrequency(paths).map(describeFolder) : [];
  const folderTitle = iptcTitle === null ? firstOf(folders.map((f) => f.title)) : null;
  const folderCity = iptcCity === null ? firstOf(folders.map((f) => f.city)) : null;

  return {
    title: iptcTitle ?? folderTitle,
    city: iptcCity ?? (folderCity && canonicalCity(folderCity)),
    venue: mostCommon(venues),
    source: iptcTitle !== null ? 'iptc' : folderTitle !== null ? 'folder' : 'time',
  };
}
