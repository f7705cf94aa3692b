import type { ExportPreset } from '../api/domains/export-presets';

/** A preset in one line, as the export dialog and `kadar presets` show it. */
export function presetSummary({ settings: s }: ExportPreset): string {
  const size =
    s.size.fit === 'long-edge'
      ? `${s.size.longEdge} px long edge`
      : s.size.fit === 'box'
        ? `within ${s.size.width} × ${s.size.height} px`
        : 'full size';
  const metadata =
    s.metadata === 'strip'
      ? 'no metadata'
      : s.metadata === 'credit-only'
        ? 'caption, credit and copyright only'
        : 'description kept, location removed';
  const mark = s.watermark.kind === 'none' ? '' : ', watermarked';
  return `${size}, ${s.format.toUpperCase()} quality ${s.quality}${s.sharpen ? ', sharpened' : ''}, ${metadata}${mark}; names “${s.fileName}”`;
}
