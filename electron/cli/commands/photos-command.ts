import { iteratePhotos } from '../../catalog/photos-repo';
import { tagIdOfPath } from '../../catalog/tags-repo';
import { photoFilterSchema } from '../../../shared/api/photo-query-schema';
import { openCliCatalog, writeOut, type GlobalOptions } from '../cli-context';

export interface PhotosCommandOptions extends GlobalOptions {
  json?: boolean;
  search?: string;
  root?: number;
  limit?: number;
  errors?: boolean;
  missing?: boolean;
  /** A number with --event ID; false with --no-event (commander's negation). */
  event?: number | boolean;
  project?: number;
  minRating?: number;
  tag?: string;
  person?: number;
  untagged?: boolean;
  flag?: string;
  label?: string;
}

/** `kadar photos`: the catalog's photos, as a streamed JSON array or a plain listing. */
export async function photosCommand(options: PhotosCommandOptions): Promise<number> {
  const { db } = openCliCatalog(options);
  try {
    // Checked as the API checks it: an unknown flag or label is an error, not an empty list.
    const culling = photoFilterSchema.pick({ minRating: true, flag: true, label: true }).parse({
      minRating: options.minRating,
      flag: options.flag,
      label: options.label,
    });
    const tagId = options.tag != null ? tagIdOfPath(db, options.tag) : undefined;
    const photos = iteratePhotos(
      db,
      {
        ...culling,
        ...(tagId != null ? { tagId } : {}),
        ...(options.person != null ? { personId: options.person } : {}),
        ...(options.untagged ? { untagged: true } : {}),
        ...(options.search ? { search: options.search } : {}),
        ...(options.root != null ? { rootId: options.root } : {}),
        ...(options.errors ? { hasError: true } : {}),
        ...(options.missing ? { missing: true } : {}),
        ...(typeof options.event === 'number' ? { eventId: options.event } : {}),
        ...(options.event === false ? { noEvent: true } : {}),
        ...(options.project != null ? { projectId: options.project } : {}),
      },
      { sort: 'added', order: 'asc' },
    );
    const limit = options.limit ?? Infinity;
    let count = 0;
    let chunk = options.json ? '[' : '';
    for (const photo of photos) {
      if (count >= limit) break;
      if (options.json) chunk += `${count ? ',' : ''}\n  ${JSON.stringify(photo)}`;
      else
        chunk += `${photo.id}\t${photo.takenAt}\t${photo.error ? `ERROR ${photo.error}\t` : ''}${photo.path}\n`;
      count++;
      if (chunk.length > 1 << 20) {
        await writeOut(chunk);
        chunk = '';
      }
    }
    if (options.json) chunk += count ? '\n]\n' : ']\n';
    await writeOut(chunk);
    return 0;
  } finally {
    db.close();
  }
}
