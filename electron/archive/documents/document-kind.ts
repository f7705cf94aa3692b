/**
 * What an attached document is, from its first bytes and its name. The bytes decide the family
 * (a PDF, an image, a ZIP or OLE2 container, RTF, plain text); inside a container the name
 * decides, because a DOCX and an XLSX start alike, and so do a DOC and an XLS.
 */
export type DocumentKindName =
  'pdf' | 'word' | 'spreadsheet' | 'presentation' | 'text' | 'image' | 'other';

export interface DocumentKind {
  mime: string;
  kind: DocumentKindName;
}

/** How many leading bytes `documentKind` looks at; fewer work, with less certainty. */
export const documentHeadBytes = 4096;

type Container = 'zip' | 'ole';

const byExtension: Record<string, DocumentKind & { container: Container }> = {
  docx: { container: 'zip', kind: 'word', mime: ooxml('wordprocessingml.document') },
  docm: {
    container: 'zip',
    kind: 'word',
    mime: 'application/vnd.ms-word.document.macroEnabled.12',
  },
  xlsx: { container: 'zip', kind: 'spreadsheet', mime: ooxml('spreadsheetml.sheet') },
  xlsm: {
    container: 'zip',
    kind: 'spreadsheet',
    mime: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  },
  pptx: { container: 'zip', kind: 'presentation', mime: ooxml('presentationml.presentation') },
  ppsx: { container: 'zip', kind: 'presentation', mime: ooxml('presentationml.slideshow') },
  doc: { container: 'ole', kind: 'word', mime: 'application/msword' },
  dot: { container: 'ole', kind: 'word', mime: 'application/msword' },
  xls: { container: 'ole', kind: 'spreadsheet', mime: 'application/vnd.ms-excel' },
  xlt: { container: 'ole', kind: 'spreadsheet', mime: 'application/vnd.ms-excel' },
  ppt: { container: 'ole', kind: 'presentation', mime: 'application/vnd.ms-powerpoint' },
  pps: { container: 'ole', kind: 'presentation', mime: 'application/vnd.ms-powerpoint' },
};

const other = (mime: string): DocumentKind => ({ mime, kind: 'other' });

function ooxml(type: string): string {
  return `application/vnd.openxmlformats-officedocument.${type}`;
}

const latin1 = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

export function documentKind(fileName: string, head: Uint8Array): DocumentKind {
  const ext = extensionOf(fileName);
  const start = latin1(head, 0, 8);
  // Readers accept junk before the header as long as it starts within the first 1 KB.
  if (latin1(head, 0, 1024).includes('%PDF-')) return { mime: 'application/pdf', kind: 'pdf' };
  if (start.startsWith('\xff\xd8\xff')) return { mime: 'image/jpeg', kind: 'image' };
  if (start === '\x89PNG\r\n\x1a\n') return { mime: 'image/png', kind: 'image' };
  if (start.startsWith('GIF8')) return { mime: 'image/gif', kind: 'image' };
  if (start.startsWith('RIFF') && latin1(head, 8, 4) === 'WEBP') {
    return { mime: 'image/webp', kind: 'image' };
  }
  if (start.startsWith('{\\rtf')) return { mime: 'application/rtf', kind: 'word' };
  if (start.startsWith('PK\x03\x04')) return zipKind(head, ext);
  if (start === '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1') return oleKind(ext);
  if (head.length > 0 && looksLikeText(head)) {
    if (ext === 'csv') return { mime: 'text/csv', kind: 'spreadsheet' };
    return { mime: ext === 'md' ? 'text/markdown' : 'text/plain', kind: 'text' };
  }
  // Without bytes there is nothing to go on: an empty .pdf is not a PDF.
  return other('application/octet-stream');
}

function zipKind(head: Uint8Array, ext: string): DocumentKind {
  // OpenDocument files (and EPUB) must store their type, uncompressed, as the first entry.
  if (latin1(head, 30, 8) === 'mimetype') {
    const mime = /^[\w.+-]+\/[\w.+-]+/.exec(latin1(head, 38, 80))?.[0] ?? 'application/zip';
    const odf = 'application/vnd.oasis.opendocument.';
    if (mime.startsWith(`${odf}text`)) return { mime, kind: 'word' };
    if (mime.startsWith(`${odf}spreadsheet`)) return { mime, kind: 'spreadsheet' };
    if (mime.startsWith(`${odf}presentation`)) return { mime, kind: 'presentation' };
    return other(mime);
  }
  const named = byExtension[ext];
  if (named?.container === 'zip') return { mime: named.mime, kind: named.kind };
  // A renamed Office file: its part names may show in the local headers near the start.
  const text = latin1(head, 0, head.length);
  if (text.includes('word/')) return { mime: ooxml('wordprocessingml.document'), kind: 'word' };
  if (text.includes('xl/')) return { mime: ooxml('spreadsheetml.sheet'), kind: 'spreadsheet' };
  if (text.includes('ppt/')) {
    return { mime: ooxml('presentationml.presentation'), kind: 'presentation' };
  }
  return other('application/zip');
}

function oleKind(ext: string): DocumentKind {
  const named = byExtension[ext];
  // Password-protected DOCX/XLSX/PPTX are OLE2 files too, so the OOXML names count here.
  if (named) return { mime: named.mime, kind: named.kind };
  return other('application/x-ole-storage');
}

/** No NUL bytes and almost no control characters: UTF-8, ASCII or a legacy 8-bit code page. */
function looksLikeText(head: Uint8Array): boolean {
  if (head[0] === 0xff && head[1] === 0xfe) return true;
  if (head[0] === 0xfe && head[1] === 0xff) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control <= head.length / 100;
}
