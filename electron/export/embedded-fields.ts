/**
 * The descriptive fields an exported image carries, written both as XMP (xmp-packet.ts) and,
 * for JPEG, as IPTC-IIM (iptc-iim.ts). A null, empty or whitespace-only field is left out.
 */
export interface EmbeddedFields {
  /** dc:title / IIM 2:05 ObjectName */
  title: string | null;
  /** dc:description / IIM 2:120 Caption-Abstract */
  caption: string | null;
  /** dc:creator (Seq) / IIM 2:80 By-line */
  creator: string | null;
  /** photoshop:Credit / IIM 2:110 Credit */
  credit: string | null;
  /** dc:rights / IIM 2:116 CopyrightNotice */
  copyright: string | null;
  /** dc:subject (Bag) / IIM 2:25 Keywords, one dataset each */
  keywords: string[];
  /** Full tag paths like 'Place/Niš', written as lr:hierarchicalSubject 'Place|Niš'. */
  hierarchicalKeywords: string[];
  /** Iptc4xmpExt:Event; IIM has no equivalent. */
  event: string | null;
  /** photoshop:City / IIM 2:90 City */
  city: string | null;
  /** Iptc4xmpCore:Location / IIM 2:92 Sub-location */
  venue: string | null;
  /** photoshop:Country / IIM 2:101 Country-PrimaryLocationName */
  country: string | null;
  /**
   * Local wall-clock 'YYYY-MM-DDTHH:mm:ss' (or just 'YYYY-MM-DD'): photoshop:DateCreated and
   * xmp:CreateDate, IIM 2:55 DateCreated + 2:60 TimeCreated.
   */
  dateCreated: string | null;
  /** UTC offset of dateCreated, '+02:00'; null when unknown. */
  dateOffset: string | null;
}

/** Nothing to say: what the policies start from. */
export const noFields: EmbeddedFields = {
  title: null,
  caption: null,
  creator: null,
  credit: null,
  copyright: null,
  keywords: [],
  hierarchicalKeywords: [],
  event: null,
  city: null,
  venue: null,
  country: null,
  dateCreated: null,
  dateOffset: null,
};

export interface CreatedParts {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm:ss', or null for a date-only value */
  time: string | null;
  /** '+HH:MM' / '-HH:MM', or null when unknown */
  offset: string | null;
}

/**
 * The creation date split for both writers, so XMP and IIM agree on what is written. A value in
 * any other shape is dropped rather than passed on: readers reject or misread a malformed date,
 * and a missing date is the lesser harm in an exported copy.
 */
export function createdParts(fields: EmbeddedFields): CreatedParts | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?$/.exec(
    fields.dateCreated?.trim() ?? '',
  );
  if (!m) return null;
  const time = m[2] ? `${m[2]}${m[3] ?? ':00'}` : null;
  const rawOffset = fields.dateOffset?.trim() ?? '';
  const o = /^([+-])(\d{2}):?(\d{2})$/.exec(rawOffset);
  const offset = o ? `${o[1]}${o[2]}:${o[3]}` : /^z$/i.test(rawOffset) ? '+00:00' : null;
  return { date: m[1]!, time, offset: time ? offset : null };
}

/** The value to write, or null when there is nothing to write. */
export function present(value: string | null | undefined): string | null {
  return value != null && value.trim() !== '' ? value : null;
}
