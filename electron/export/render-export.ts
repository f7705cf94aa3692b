import { readFile, stat, writeFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import type { PresetSettings } from '../../shared/api/domains/export-presets';
import { findEmbeddedJpegs } from '../indexer/embedded-preview';
import { decoderMessage, orient } from '../indexer/make-thumbnail';
import { cameraExif } from './camera-exif';
import { insertJpegSegment, iptcSegment } from './iptc-iim';
import type { EmbeddedFields } from './embedded-fields';
import type { EmbeddedMetadata } from './metadata-policy';
import { applyWatermark } from './watermark';
import { xmpPacket } from './xmp-packet';

export interface RenderExportTask {
  absPath: string;
  /** The catalog's format for the original ('jpeg', 'heif', 'raw'…). */
  format: string | null;
  /** The catalog's EXIF orientation, for a RAW file's embedded preview. */
  orientation: number | null;
  outPath: string;
  settings: Pick<PresetSettings, 'size' | 'format' | 'quality' | 'sharpen' | 'watermark'>;
  metadata: EmbeddedMetadata | null;
}

export type RenderExportResult =
  | { ok: true; width: number; height: number; bytes: number }
  | { ok: false; code: 'OFFLINE' | 'DAMAGED' | 'UNSUPPORTED' | 'WATERMARK'; message: string };

class Skip extends Error {
  constructor(
    readonly code: Extract<RenderExportResult, { ok: false }>['code'],
    message: string,
  ) {
    super(message);
  }
}

/** One exported image, written to `outPath`; a file that cannot be made is reported, not thrown. */
export async function renderExport(task: RenderExportTask): Promise<RenderExportResult> {
  try {
    return await render(task);
  } catch (error) {
    // Anything else (a failed write: a full disk, the export's folder gone) ends the export.
    if (error instanceof Skip) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

/** Reads the original, or says it is offline: only the original's own absence skips a photo. */
async function fromOriginal<T>(absPath: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isFileGone(error)) throw error;
    throw new Skip(
      'OFFLINE',
      `The original is not at ${absPath}: it was moved or deleted, or its drive is not connected.`,
    );
  }
}

const isFileGone = (error: unknown) =>
  ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EIO'].includes((error as NodeJS.ErrnoException).code!);

async function render(task: RenderExportTask): Promise<RenderExportResult> {
  // libvips reports a missing file as a decoder error; asking first names it plainly.
  await fromOriginal(task.absPath, () => stat(task.absPath));
  let image = await decode(task);
  const { size, sharpen } = task.settings;
  if (size.fit === 'long-edge')
    image = image.resize(size.longEdge, size.longEdge, { fit: 'inside', withoutEnlargement: true });
  else if (size.fit === 'box')
    image = image.resize(size.width, size.height, { fit: 'inside', withoutEnlargement: true });
  if (sharpen) image = image.sharpen({ sigma: 0.6 });
  const mark = task.settings.watermark;
  // The camera's EXIF is written afresh onto bare pixels: sharp would otherwise carry the
  // original's EXIF thumbnail along (unrotated, uncropped, unmarked).
  if (mark.kind !== 'none' || task.metadata?.camera) {
    const pixels = await decoded(image.raw().toBuffer({ resolveWithObject: true }));
    image = sharp(pixels.data, { raw: pixels.info });
    if (mark.kind !== 'none') {
      try {
        image = await applyWatermark(pixels, mark);
      } catch (error) {
        throw new Skip('WATERMARK', `The watermark cannot be drawn: ${(error as Error).message}`);
      }
    }
  }
  image = encode(image, task);
  const result = await decoded(image.toBuffer({ resolveWithObject: true }));
  let data: Buffer = result.data;
  const iptc =
    task.metadata && task.settings.format === 'jpeg' && iptcSegment(task.metadata.fields);
  if (iptc) data = insertJpegSegment(data, iptc);
  await writeFile(task.outPath, data);
  return { ok: true, width: result.info.width, height: result.info.height, bytes: data.length };
}

/** libvips decodes when the output is asked for: a damaged original fails here. */
async function decoded<T>(output: Promise<T>): Promise<T> {
  try {
    return await output;
  } catch (error) {
    throw new Skip('DAMAGED', `The original cannot be decoded (${decoderMessage(error)}).`);
  }
}

/**
 * The original's pixels, turned upright. sharp reads most formats from the path itself (so a
 * JPEG is shrunk while it is decoded); RAW files give their largest embedded JPEG, and
 * iPhone HEICs, which sharp's libvips cannot decode, go through heic-decode.
 */
async function decode(task: RenderExportTask): Promise<Sharp> {
  if (task.format === 'raw') {
    const buf = await fromOriginal(task.absPath, () => readFile(task.absPath));
    const preview = findEmbeddedJpegs(buf)[0];
    if (!preview)
      throw new Skip('UNSUPPORTED', 'This RAW file has no embedded picture Kadar can export.');
    const jpeg = buf.subarray(preview.offset, preview.offset + preview.length);
    return orient(sharp(jpeg), task.orientation);
  }
  if (task.format === 'heif') {
    const header = await sharp(task.absPath)
      .metadata()
      .catch(() => null);
    if (header?.compression === 'hevc') return decodeHeic(task.absPath);
  }
  return sharp(task.absPath).rotate();
}

async function decodeHeic(absPath: string): Promise<Sharp> {
  const { default: decodeHeif } = await import('heic-decode');
  const buffer = await fromOriginal(absPath, () => readFile(absPath));
  try {
    const image = await decodeHeif({ buffer });
    const pixels = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    return sharp(pixels, { raw: { width: image.width, height: image.height, channels: 4 } });
  } catch (error) {
    throw new Skip('DAMAGED', `The HEIF image cannot be decoded (${decoderMessage(error)}).`);
  }
}

// libvips leaves out a JPEG's XMP larger than its APP1 segment holds (about 60 kB), silently.
const jpegXmpLimit = 59_000;

/** The XMP packet, shortened to fit a JPEG: the tag paths go first, then keywords, then caption. */
export function packetFor(fields: EmbeddedFields, format: PresetSettings['format']): string {
  let f = fields;
  let packet = xmpPacket(f);
  while (format === 'jpeg' && Buffer.byteLength(packet) > jpegXmpLimit) {
    if (f.hierarchicalKeywords.length) f = { ...f, hierarchicalKeywords: [] };
    else if (f.keywords.length) f = { ...f, keywords: f.keywords.slice(0, f.keywords.length >> 1) };
    else if (f.caption) f = { ...f, caption: f.caption.slice(0, f.caption.length >> 1) };
    else break;
    packet = xmpPacket(f);
  }
  return packet;
}

/** The output format, with the description and camera settings the policy keeps. */
function encode(image: Sharp, task: RenderExportTask): Sharp {
  const { format, quality } = task.settings;
  // Without keepMetadata sharp converts to sRGB and drops the rest: GPS, serials, maker notes.
  let out =
    format === 'jpeg'
      ? image.jpeg({ quality })
      : format === 'webp'
        ? image.webp({ quality })
        : image.avif({ quality, effort: 4 });
  if (task.metadata) {
    out = out.withXmp(packetFor(task.metadata.fields, format));
    const exif = task.metadata.camera && cameraExif(task.metadata.camera);
    if (exif) out = out.withExif(exif);
  }
  return out;
}
