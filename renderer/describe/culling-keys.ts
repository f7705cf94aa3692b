import type { PhotoEdit } from '../../shared/api/domains/photos';
import { colourLabels } from '../../shared/catalog/photo-fields';
import { client } from '../api/client';
import { useKadar } from '../store/store';

// Lightroom's keys: 0–5 stars, P/X/U pick, reject, unflag, 6–9 red, yellow, green, blue.
const labelKeys: Record<string, PhotoEdit['label']> = {
  '6': colourLabels[0],
  '7': colourLabels[1],
  '8': colourLabels[2],
  '9': colourLabels[3],
};
const flagKeys: Record<string, PhotoEdit['flag']> = { p: 'pick', x: 'reject', u: 'none' };

/** What a culling key sets, or null for any other key. */
export function cullingEdit(e: KeyboardEvent): PhotoEdit | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (/^[0-5]$/.test(e.key)) return { rating: Number(e.key) };
  const label = labelKeys[e.key];
  if (label) return { label };
  const flag = flagKeys[e.key.toLowerCase()];
  return flag ? { flag } : null;
}

/** Sets it on photos as one step of the edit history; the grid follows catalog.changed. */
export async function applyCulling(ids: number[], set: PhotoEdit): Promise<void> {
  if (ids.length === 0) return;
  try {
    await client.call('photos.edit', { ids, set });
  } catch (error) {
    useKadar.getState().notify(error);
  }
}
