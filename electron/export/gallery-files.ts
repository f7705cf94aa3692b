import { fillTemplate, parseTemplate } from '../../shared/caption/template';
import type { KadarEvent } from '../../shared/api/domains/events';
import type { ExportPlan, PlannedImage } from './export-plan';
import type { GalleryModel } from './gallery/gallery-page';

/** An exported image as the gallery's files list it. */
export interface WrittenImage {
  image: PlannedImage;
  width: number;
  height: number;
  bytes: number;
}

const eventLine = parseTemplate('{event-date} · {venue}, {city}');

/** "19–20.11.2015 · Hotel Ambasador, Niš", the way the office writes an event's when and where. */
export function eventSubtitle(event: KadarEvent): string {
  if (!eventLine.ok) throw new Error(eventLine.error.message);
  return fillTemplate(eventLine.template, {
    takenAt: '',
    fileName: '',
    seq: 1,
    eventStartsOn: event.startsOn,
    eventEndsOn: event.endsOn,
    venue: event.venue,
    city: event.city,
  });
}

/** The one credit every image shares, for the page's header; null when they differ. */
function commonCredit(images: readonly WrittenImage[]): string | null {
  const credits = new Set(images.map((w) => w.image.credit));
  return credits.size === 1 ? ([...credits][0] ?? null) : null;
}

export function galleryModel(plan: ExportPlan, written: readonly WrittenImage[]): GalleryModel {
  const { source } = plan;
  return {
    title: source.title,
    subtitle: source.event ? eventSubtitle(source.event) : source.projectLine,
    credit: commonCredit(written),
    sections: source.sections
      .map((section, index) => ({
        title: section.title,
        subtitle: section.title && section.event ? eventSubtitle(section.event) : null,
        items: written
          .filter((w) => w.image.section === index)
          .map((w) => ({
            file: w.image.fileName,
            width: w.width,
            height: w.height,
            title: w.image.title,
            caption: w.image.caption,
            credit: w.image.credit,
          })),
      }))
      .filter((section) => section.items.length > 0),
  };
}

/** gallery.json: the page's content for a website that builds its own page. */
export function galleryJson(
  plan: ExportPlan,
  written: readonly WrittenImage[],
  about: { exportedAt: string; preset: string },
): string {
  const model = galleryModel(plan, written);
  const cover = written.find((w) => w.image.photoId === plan.source.coverPhotoId) ?? written[0];
  const byFile = new Map(written.map((w) => [w.image.fileName, w]));
  return `${JSON.stringify(
    {
      title: model.title,
      subtitle: model.subtitle,
      credit: model.credit,
      exportedAt: about.exportedAt,
      preset: about.preset,
      cover: cover?.image.fileName ?? null,
      sections: model.sections.map((s) => ({
        title: s.title,
        subtitle: s.subtitle,
        photos: s.items.map((item) => {
          const w = byFile.get(item.file)!;
          return {
            ...item,
            bytes: w.bytes,
            date: w.image.takenAt.slice(0, 19),
            original: w.image.originalName,
          };
        }),
      })),
    },
    null,
    2,
  )}\n`;
}

const csvField = (value: string | null) =>
  value == null ? '' : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * captions.csv: file name, title, caption, credit, date. With a byte-order mark, since the
 * office opens it in Excel, which reads Cyrillic as mojibake without one.
 */
export function captionsCsv(written: readonly WrittenImage[]): string {
  const rows = [
    'file,title,caption,credit,date',
    ...written.map(({ image }) =>
      [
        image.fileName,
        image.title,
        image.caption,
        image.credit,
        image.takenAt.slice(0, 19).replace('T', ' '),
      ]
        .map(csvField)
        .join(','),
    ),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/**
 * news.txt: a news item as the website lists them — title, date and place, the event's
 * description, then the photos' file names — for pasting into the site's editor.
 */
export function newsText(plan: ExportPlan, written: readonly WrittenImage[]): string {
  const { source } = plan;
  const lines = [source.title];
  if (source.event) {
    lines.push(eventSubtitle(source.event));
    if (source.event.description) lines.push('', source.event.description);
  } else if (source.projectLine) lines.push(source.projectLine);
  for (const [index, section] of source.sections.entries()) {
    const names = written.filter((w) => w.image.section === index).map((w) => w.image.fileName);
    if (names.length === 0) continue;
    lines.push('');
    if (section.title && section.event)
      lines.push(`${section.title} (${eventSubtitle(section.event)})`);
    lines.push('Photos:', ...names);
  }
  return `${lines.join('\n')}\n`;
}
