/**
 * The choices an export preset offers, as plain lists: the contract's schema
 * (shared/api/domains/export-presets.ts) checks against them, and the renderer lists them
 * without loading the schema library.
 */

export const exportFormats = ['jpeg', 'webp', 'avif'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * strip: nothing but the pixels. credit-only: caption, credit and copyright. all-but-location:
 * the description (title, caption, creator, credit, copyright, keywords, event, city) and the
 * camera's settings; never GPS, serial numbers or the owner's name.
 */
export const metadataPolicies = ['all-but-location', 'credit-only', 'strip'] as const;
export type MetadataPolicy = (typeof metadataPolicies)[number];

export const metadataPolicyLabels: Record<MetadataPolicy, string> = {
  'all-but-location': 'Keep the description and camera settings, not the location',
  'credit-only': 'Keep only caption, credit and copyright',
  strip: 'Strip everything',
};

export const watermarkPositions = [
  'top-left',
  'top',
  'top-right',
  'left',
  'center',
  'right',
  'bottom-left',
  'bottom',
  'bottom-right',
] as const;
export type WatermarkPosition = (typeof watermarkPositions)[number];
