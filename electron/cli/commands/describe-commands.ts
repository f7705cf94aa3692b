import type { PhotoEdit } from '../../../shared/api/domains/photos';
import { printJson, withApi, writeOut, type GlobalOptions } from '../cli-context';

export interface DescribeOptions extends GlobalOptions {
  json?: boolean;
  photos: number[];
}

/** `kadar rate`, `kadar flag`, `kadar label`: one field on photos, as one undoable step. */
export async function setPhotosCommand(options: DescribeOptions, set: PhotoEdit): Promise<number> {
  return withApi(options, async (call) => {
    const result = await call('photos.edit', { ids: options.photos, set });
    if (options.json) await printJson(result);
    else await writeOut(`${result.changed} photos changed\n`);
    return 0;
  });
}
