import {
  fillTemplate,
  type CaptionContext,
  type ParsedTemplate,
} from '../../shared/caption/template';
import type { ExportFormat } from '../../shared/api/domains/export-presets';
import { slugify } from '../../shared/text/slug';

export const extensions: Record<ExportFormat, string> = { jpeg: 'jpg', webp: 'webp', avif: 'avif' };

// What no file system accepts in a name (Windows' list, the strictest), and control characters.
const forbidden = /[<>:"/\\|?*\p{Cc}]+/gu;

// Names Windows keeps for devices, with or without an extension.
const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const maxLength = 120;

const slugged = (text: string | null | undefined) => (text ? slugify(text) : null);

/**
 * A file name from the preset's pattern: every value is slugged ("Модна ревија Штип" →
 * modna-revija-stip) except `{original}`, which keeps the camera's name as it was.
 */
export function fillFileName(pattern: ParsedTemplate, context: CaptionContext): string {
  const name = fillTemplate(
    pattern,
    {
      ...context,
      event: slugged(context.event),
      city: slugged(context.city),
      venue: slugged(context.venue),
      project: slugged(context.project),
      organiser: slugged(context.organiser),
      title: slugged(context.title),
      camera: slugged(context.camera),
      people: context.people?.map((p) => slugify(p)),
    },
    { dateFormat: 'yyyy-MM-dd' },
  );
  const safe = name
    .replace(forbidden, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    // Long titles make names some systems refuse (and nobody reads).
    .slice(0, maxLength);
  return reserved.test(safe) ? `${safe}_` : safe;
}

/**
 * Hands out each name once, case-insensitively (a gallery copied to Windows or a Mac must
 * not lose a file): a repeat gets "-2", "-3"; a name filled empty falls back to the original's.
 */
export function createNamer(format: ExportFormat): (wanted: string, original: string) => string {
  const taken = new Set<string>();
  const ext = extensions[format];
  return (wanted, original) => {
    const base = wanted || original.replace(/\.[^.]*$/, '').replace(forbidden, '-') || 'photo';
    let name = `${base}.${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.${ext}`;
    taken.add(name.toLowerCase());
    return name;
  };
}
