import { findTownsInText } from '../../shared/text/towns';
import { isoDay, parseDates } from './parse-dates';

/**
 * What the office's folder names say: "2015-11-28 Modna revija Štip", "20151128_Stip_revija",
 * "Info dan Vranje 24.11.2015", "Леринг Ниш 2016-03-10".
 */
export interface FolderName {
  /** 'YYYY-MM-DD'; the first day of a range. */
  date: string | null;
  /** The words without the date, trimmed of separators; underscores read as spaces. */
  title: string | null;
  /** The `name` of the first town the title names, in any spelling or script. */
  city: string | null;
}

const nothing: FolderName = { date: null, title: null, city: null };

// Folders cameras make (DCIM, 100NIKON, 101MSDCF, 100_FUJI) say nothing about an event.
const cameraFolder = /^(?:DCIM|MISC|\d{3}[A-Z0-9_]{5})$/i;
// 2015-11-28, 2015_11_28, 2015.11.28 and 20151128; the year first, as the office sorts them.
const yearFirst = /(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)/u;
const separators = /^[\s_\-–—.,;:()[\]]+|[\s_\-–—.,;:()[\]]+$/gu;

interface Found {
  iso: string;
  index: number;
  length: number;
}

function findDate(name: string): Found | null {
  const m = yearFirst.exec(name);
  if (m) {
    const iso = isoDay({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) });
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  for (const mention of parseDates(name)) {
    const iso = isoDay(mention.startsOn);
    if (iso) return { iso, index: mention.index, length: mention.length };
  }
  return null;
}

/** Reads the last segment of a folder path. */
export function parseFolderName(path: string): FolderName {
  const name = path.split(/[\\/]/).filter(Boolean).pop()?.trim() ?? '';
  if (!name || cameraFolder.test(name)) return nothing;

  const found = findDate(name);
  const rest = found
    ? name.slice(0, found.index) + ' ' + name.slice(found.index + found.length)
    : name;
  const words = rest.replace(/_/g, ' ').replace(/\s+/g, ' ').replace(separators, '');
  // A bare year ("2015") or a number alone is an album, not a title.
  const title = /\p{L}/u.test(words) ? words : null;
  const town = title ? findTownsInText(title, { anyCase: true })[0] : undefined;
  return { date: found?.iso ?? null, title, city: town?.town.name ?? null };
}
