import { z } from 'zod';
import { parseTemplate } from '../../caption/template';
import { requiredText } from './common';
import {
  exportFormats,
  metadataPolicies,
  watermarkPositions,
  type ExportFormat,
  type MetadataPolicy,
} from '../../export/preset-options';

/**
 * What an export preset says: size, format, names, metadata and watermark. One JSON document
 * in the catalog, checked here, so a new setting needs no migration and every transport
 * refuses an impossible preset with the field's name.
 */

export { exportFormats, metadataPolicies, watermarkPositions };
export type { ExportFormat, MetadataPolicy };

// sharp refuses larger output (WebP's own limit is 16,383).
const pixels = z.number().int().min(16, 'at least 16 pixels').max(16_000, 'at most 16,000 pixels');

export const exportSizeSchema = z.discriminatedUnion('fit', [
  z.object({ fit: z.literal('long-edge'), longEdge: pixels }).strict(),
  z.object({ fit: z.literal('box'), width: pixels, height: pixels }).strict(),
  z.object({ fit: z.literal('original') }).strict(),
]);
export type ExportSize = z.infer<typeof exportSizeSchema>;

const placement = {
  position: z.enum(watermarkPositions),
  /** The mark's width as a percentage of the image's. */
  size: z.number().min(1).max(50),
  opacity: z.number().min(0.05).max(1),
};

export const watermarkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('text'), text: requiredText(200), ...placement }).strict(),
  z
    .object({
      kind: z.literal('image'),
      /** A PNG logo on this computer; read when the export runs. */
      path: z.string().trim().min(1, 'Choose a PNG file'),
      ...placement,
    })
    .strict(),
]);
export type Watermark = z.infer<typeof watermarkSchema>;

/** A file-name pattern: a caption template whose result is a safe, single file name. */
export const fileNamePatternSchema = z
  .string()
  .trim()
  .min(1, 'Must not be empty')
  .max(200)
  .superRefine((pattern, ctx) => {
    if (/[/\\]/.test(pattern)) {
      ctx.addIssue({ code: 'custom', message: 'A file name cannot hold / or \\' });
      return;
    }
    const parsed = parseTemplate(pattern);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
  });

export const presetSettingsSchema = z
  .object({
    size: exportSizeSchema,
    format: z.enum(exportFormats),
    quality: z.number().int().min(1).max(100),
    sharpen: z.boolean(),
    fileName: fileNamePatternSchema,
    metadata: z.enum(metadataPolicies),
    watermark: watermarkSchema,
  })
  .strict();
export type PresetSettings = z.infer<typeof presetSettingsSchema>;

export const exportPresetSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  settings: presetSettingsSchema,
  /** One of the three a new catalog starts with (editable and deletable like any other). */
  builtin: z.boolean(),
});
export type ExportPreset = z.infer<typeof exportPresetSchema>;

export const presetNameSchema = requiredText(100);
