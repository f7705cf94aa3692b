import { readFile } from 'node:fs/promises';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import type { Watermark } from '../../shared/api/domains/export-presets';

type Mark = Exclude<Watermark, { kind: 'none' }>;

// A PNG logo is read once per worker thread, not once per photo.
const logos = new Map<string, Promise<Buffer>>();

const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The mark as an RGBA image `width` pixels wide, at the preset's opacity. */
async function markImage(mark: Mark, width: number): Promise<Buffer> {
  if (mark.kind === 'text') {
    // Laid out on one line, large, then scaled to the width asked for: Pango's own fitting
    // would wrap "© Klaster Jug" onto two lines. fgalpha carries the opacity.
    const alpha = `${Math.round(mark.opacity * 100)}%`;
    const text = await sharp({
      text: {
        text: `<span foreground="white" fgalpha="${alpha}">${escapeMarkup(mark.text)}</span>`,
        font: 'sans bold',
        dpi: 600,
        wrap: 'none',
        rgba: true,
      },
    })
      .png()
      .toBuffer();
    return sharp(text).resize({ width }).png().toBuffer();
  }
  let logo = logos.get(mark.path);
  if (!logo) {
    logo = readFile(mark.path);
    logos.set(mark.path, logo);
    logo.catch(() => logos.delete(mark.path));
  }
  const { data, info } = await sharp(await logo)
    .resize({ width })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let i = 3; i < data.length; i += 4) data[i] = Math.round(data[i]! * mark.opacity);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
    .png()
    .toBuffer();
}

/** Where the mark's top-left corner goes, a small margin in from the edges it keeps to. */
function place(
  position: Mark['position'],
  image: { width: number; height: number },
  mark: { width: number; height: number },
): { left: number; top: number } {
  const margin = Math.round(Math.min(image.width, image.height) * 0.03);
  const x = position.endsWith('left') ? 0 : position.endsWith('right') ? 2 : 1;
  const y = position.startsWith('top') ? 0 : position.startsWith('bottom') ? 2 : 1;
  const along = (slot: number, outer: number, inner: number) =>
    Math.max(
      0,
      slot === 0 ? margin : slot === 2 ? outer - inner - margin : Math.round((outer - inner) / 2),
    );
  return { left: along(x, image.width, mark.width), top: along(y, image.height, mark.height) };
}

/**
 * The resized pixels with the mark drawn on them: the mark's size and place follow the
 * output's size, which libvips settles only when it resizes.
 */
export async function applyWatermark(
  { data, info }: { data: Buffer; info: OutputInfo },
  mark: Mark,
): Promise<Sharp> {
  const width = Math.max(8, Math.round((info.width * mark.size) / 100));
  const overlay = await markImage(mark, width);
  const size = await sharp(overlay).metadata();
  const markSize = { width: size.width ?? width, height: size.height ?? 0 };
  // A mark larger than a small image would be refused by composite: shrink it to fit.
  const fits = markSize.width <= info.width && markSize.height <= info.height;
  const input = fits
    ? overlay
    : await sharp(overlay).resize(info.width, info.height, { fit: 'inside' }).png().toBuffer();
  const placed = fits ? markSize : await sharp(input).metadata();
  return sharp(data, {
    raw: { width: info.width, height: info.height, channels: info.channels },
  }).composite([
    {
      input,
      ...place(mark.position, info, { width: placed.width ?? 0, height: placed.height ?? 0 }),
    },
  ]);
}
