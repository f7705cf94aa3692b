/**
 * File names a news item lists: the photos published with it ("dsc_2208.jpg",
 * "IMG_20151120_101530.jpg") and attachments ("Agenda.pdf"). Lines that are only such lists
 * carry no news, and their digits must not be read as dates.
 */

const photoExtensions = 'jpe?g|png|gif|tiff?|heic|heif|webp|bmp|cr2|cr3|nef|arw|dng|orf|rw2|raf';
const documentExtensions = 'pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|txt|zip|rar|7z';

// A name is letters, digits, "_", "-" and inner dots, ending in a known extension.
const fileName = (extensions: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}_.\\-])[\\p{L}\\p{N}_\\-]+(?:\\.[\\p{L}\\p{N}_\\-]+)*\\.(?:${extensions})(?![\\p{L}\\p{N}])`,
    'giu',
  );
const photoName = fileName(photoExtensions);
const anyFileName = fileName(`${photoExtensions}|${documentExtensions}`);

/** The photo file names in `text`, as written, the first spelling of each, in text order. */
export function findPhotoNames(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const [name] of text.matchAll(photoName)) {
    const folded = name.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    names.push(name);
  }
  return names;
}

/**
 * True for a line that lists files and little else: "• dsc_2208.jpg", "Photos: a.jpg, b.jpg",
 * "Attachments: Agenda.pdf". Up to three other words may label the list.
 */
export function isFileListLine(line: string): boolean {
  const rest = line.replace(anyFileName, ' ');
  if (rest === line) return false;
  return (rest.match(/\p{L}+/gu) ?? []).length <= 3;
}
