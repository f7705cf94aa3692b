import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImageFormat } from './sniff-format';
import { decodeAlone, decodeShared } from './decoder-lock';
import { findEmbeddedJpegs } from './embedded-preview';
import { jpegFrameSize, type FrameSize } from './jpeg-frame-size';
import type HeicDecode from 'heic-decode';

export interface FileProblem {
  code: 'EMPTY' | 'NOT_AN_IMAGE' | 'DAMAGED' | 'TOO_LARGE' | 'UNSUPPORTED' | 'READ_FAILED';
  message: string;
}

export interface ThumbnailResult {
  /** JPEG bytes, or null when no picture could be made at all. */
  jpeg: Buffer | null;
  /** The full image's size as displayed (after orientation), when it could be told. */
  width: number | null;
  height: number | null;
  warnings: string[];
  /** Set when the original cannot be decoded, even if a preview stood in for the thumbnail. */
  problem: FileProblem | null;
}

// sharp's own default: images claiming more pixels than this are refused before decoding.
export const pixelLimit = 0x3fff * 0x3fff;

/** The orientation transforms of EXIF values 2–8, for pixels sharp cannot orient itself. */
export function orient(image: Sharp, orientation: number | null): Sharp {
  switch (orientation) {
    case 2:
      return image.flop();
    case 3:
      return image.rotate(180);
    case 4:
      return image.flip();
    case 5:
      return image.rotate(90).flop();
    case 6:
      return image.rotate(90);
    case 7:
      return image.rotate(270).flop();
    case 8:
      return image.rotate(270);
    default:
      return image;
  }
}

const swaps = (orientation: number | null) => orientation != null && orientation >= 5;

/** Grid thumbnails and viewer previews differ only in these. */
export interface RenderSize {
  /** Long edge in pixels; smaller images keep their own size. */
  size: number;
  quality: number;
}

function fitWithSize(image: Sharp, { size, quality }: RenderSize) {
  return image
    .resize(size, size, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality })
    .toBuffer({ resolveWithObject: true });
}

async function fit(image: Sharp, size: RenderSize): Promise<Buffer> {
  return (await fitWithSize(image, size)).data;
}

/** libvips' message, without its "Input buffer has corrupt header:" wrapper and repeats. */
export function decoderMessage(error: unknown): string {
  const first = String((error as Error).message ?? error).split('\n')[0] ?? '';
  return first
    .replace(
      /^Input (buffer|file) (has corrupt header|contains unsupported image format)?:?\s*/i,
      '',
    )
    .replace(/^VipsJpeg:\s*/, '')
    .trim();
}

/**
 * What is wrong with a file, from its failing decode run again with no other decode running:
 * the first failure's message may carry another file's lines (see decoder-lock.ts). Only
 * broken files pay for the second run.
 */
async function failureReason(first: unknown, again: () => Promise<unknown>): Promise<string> {
  try {
    await decodeAlone(again);
    return decoderMessage(first);
  } catch (error) {
    return decoderMessage(error);
  }
}

/**
 * The frame's size as displayed. libvips decides the rotation of the thumbnail from the EXIF
 * it reads itself, so a thumbnail whose shape disagrees with the frame's was turned; only a
 * square thumbnail (or none) leaves the decision to the orientation read with the metadata.
 */
function displayedSize(
  frame: FrameSize,
  thumb: { width: number; height: number } | null,
  orientation: number | null,
): [number, number] {
  const turned =
    thumb && thumb.width !== thumb.height
      ? thumb.width > thumb.height !== frame.width > frame.height
      : swaps(orientation);
  return turned ? [frame.height, frame.width] : [frame.width, frame.height];
}

/** A thumbnail from the largest JPEG preview embedded in `buf` that decodes. */
async function fromEmbeddedPreview(
  buf: Buffer,
  from: number,
  orientation: number | null,
  size: RenderSize,
): Promise<Buffer | null> {
  for (const preview of findEmbeddedJpegs(buf, from)) {
    try {
      const jpeg = buf.subarray(preview.offset, preview.offset + preview.length);
      return await decodeShared(() =>
        fit(orient(sharp(jpeg, { failOn: 'none' }), orientation), size),
      );
    } catch {
      // try the next one
    }
  }
  return null;
}

async function rawThumbnail(
  buf: Buffer,
  orientation: number | null,
  exifSize: [number | null, number | null],
  size: RenderSize,
): Promise<ThumbnailResult> {
  const previews = findEmbeddedJpegs(buf);
  const jpeg = await fromEmbeddedPreview(buf, 0, orientation, size);
  const largest = previews[0];
  let [w, h] =
    exifSize[0] && exifSize[1] ? exifSize : [largest?.width ?? null, largest?.height ?? null];
  if (swaps(orientation) && w && h) [w, h] = [h, w];
  return {
    jpeg,
    width: w,
    height: h,
    warnings: [],
    problem: jpeg
      ? null
      : { code: 'UNSUPPORTED', message: 'This RAW file has no embedded preview Kadar can read.' },
  };
}

// heic-decode is WebAssembly and large: loaded by the first HEIC a worker meets.
let heicDecoder: Promise<{ default: typeof HeicDecode }> | null = null;

/** HEVC-coded HEIF (iPhone photos), which sharp's prebuilt libvips cannot decode. The HEIF
 * decoder applies the file's rotation itself, so EXIF orientation is not applied again. */
async function heicThumbnail(buf: Buffer, size: RenderSize): Promise<ThumbnailResult> {
  heicDecoder ??= import('heic-decode');
  const decode = (await heicDecoder).default;
  try {
    const image = await decode({ buffer: buf });
    const pixels = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    const jpeg = await decodeShared(() =>
      fit(sharp(pixels, { raw: { width: image.width, height: image.height, channels: 4 } }), size),
    );
    return { jpeg, width: image.width, height: image.height, warnings: [], problem: null };
  } catch (error) {
    return {
      jpeg: null,
      width: null,
      height: null,
      warnings: [],
      problem: {
        code: 'DAMAGED',
        message: `The HEIF image cannot be decoded (${decoderMessage(error)}).`,
      },
    };
  }
}

/**
 * A thumbnail of at most `size` pixels on the long edge, oriented for display, from an image
 * already in memory. Damaged files get the laxest decoding that still works, then their
 * embedded preview; whatever happens is reported, never thrown.
 */
export async function makeThumbnail(
  buf: Buffer,
  format: ImageFormat,
  orientation: number | null,
  exifSize: [number | null, number | null],
  size: RenderSize,
): Promise<ThumbnailResult> {
  if (format === 'raw') return rawThumbnail(buf, orientation, exifSize, size);

  // A JPEG's size is read from its frame header; libvips' header read is for the other formats.
  let frame = format === 'jpeg' ? jpegFrameSize(buf) : null;
  let width: number | null = null;
  let height: number | null = null;
  if (!frame) {
    let metadata: Metadata;
    const header = () => sharp(buf).metadata();
    try {
      metadata = await decodeShared(header);
    } catch (error) {
      const reason = await failureReason(error, header);
      const preview =
        format === 'jpeg' ? await fromEmbeddedPreview(buf, 2, orientation, size) : null;
      return {
        jpeg: preview,
        width: null,
        height: null,
        warnings: [],
        problem: {
          code: 'DAMAGED',
          message: `The image is damaged and cannot be decoded (${reason}).`,
        },
      };
    }
    if (format === 'heif' && metadata.compression === 'hevc') return heicThumbnail(buf, size);
    width = metadata.autoOrient?.width ?? metadata.width ?? null;
    height = metadata.autoOrient?.height ?? metadata.height ?? null;
    if (metadata.width && metadata.height)
      frame = { width: metadata.width, height: metadata.height };
  }
  if (frame && frame.width * frame.height > pixelLimit) {
    if (width == null || height == null) [width, height] = displayedSize(frame, null, orientation);
    return {
      jpeg: null,
      width,
      height,
      warnings: [],
      problem: {
        code: 'TOO_LARGE',
        message: `The image claims to be ${frame.width} × ${frame.height} pixels, more than Kadar decodes (${Math.round(pixelLimit / 1e6)} megapixels).`,
      },
    };
  }
  // libvips' displayed size when it read the header; for a JPEG, the frame's, turned as the
  // thumbnail shows.
  const sized = (
    thumb: { width: number; height: number } | null,
  ): [number | null, number | null] =>
    width != null && height != null
      ? [width, height]
      : frame
        ? displayedSize(frame, thumb, orientation)
        : [null, null];
  const strict = () => fitWithSize(sharp(buf, { sequentialRead: true }).rotate(), size);
  try {
    const { data, info } = await decodeShared(strict);
    const [w, h] = sized(info);
    return { jpeg: data, width: w, height: h, warnings: [], problem: null };
  } catch (strictError) {
    const reason = await failureReason(strictError, strict);
    try {
      const { data, info } = await decodeShared(() =>
        fitWithSize(sharp(buf, { failOn: 'none', sequentialRead: true }).rotate(), size),
      );
      const [w, h] = sized(info);
      return {
        jpeg: data,
        width: w,
        height: h,
        warnings: [
          `The image data is slightly damaged (${reason}); parts of the picture may be missing.`,
        ],
        problem: null,
      };
    } catch {
      const preview =
        format === 'jpeg' ? await fromEmbeddedPreview(buf, 2, orientation, size) : null;
      const [w, h] = sized(null);
      return {
        jpeg: preview,
        width: w,
        height: h,
        warnings: [],
        problem: {
          code: 'DAMAGED',
          message: preview
            ? `The image data is damaged (${reason}); the thumbnail comes from the small preview stored in the file.`
            : `The image data is damaged and cannot be decoded (${reason}).`,
        },
      };
    }
  }
}
