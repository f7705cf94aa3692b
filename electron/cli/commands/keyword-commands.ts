import type { Tag } from '../../../shared/api/domains/tags';
import { KadarError } from '../../../shared/errors';
import { printJson, withApi, writeOut, type GlobalOptions } from '../cli-context';

interface Json extends GlobalOptions {
  json?: boolean;
}

/** `kadar tags`: the tag tree, in path order. */
export async function tagsCommand(options: Json): Promise<number> {
  return withApi(options, async (call) => {
    const tags = await call('tags.list', {});
    if (options.json) await printJson(tags);
    else
      await writeOut(
        tags.map((t) => `${t.id}\t${t.path}\t${t.photoCount}\t${t.source}\n`).join(''),
      );
    return 0;
  });
}

const byPath = (tags: readonly Tag[], path: string) => {
  const wanted = path
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean)
    .join('/')
    .toLowerCase();
  const tag = tags.find((t) => t.path.toLowerCase() === wanted);
  if (!tag) throw new KadarError('NOT_FOUND', `remove: there is no tag "${path}".`);
  return tag.id;
};

/** `kadar tag`: adds and removes tags on photos (each one undoable step). */
export async function tagCommand(
  options: Json & { photos: number[]; add?: string[]; remove?: string[] },
): Promise<number> {
  return withApi(options, async (call) => {
    if (!options.add?.length && !options.remove?.length)
      throw new KadarError('INVALID_INPUT', 'Give at least one --add TAG or --remove TAG.');
    let added = 0;
    let removed = 0;
    if (options.add?.length)
      added = (await call('tags.add', { photoIds: options.photos, paths: options.add })).changed;
    if (options.remove?.length) {
      const tags = await call('tags.list', {});
      removed = (
        await call('tags.remove', {
          photoIds: options.photos,
          tagIds: options.remove.map((path) => byPath(tags, path)),
        })
      ).changed;
    }
    if (options.json) await printJson({ added, removed });
    else await writeOut(`${added} tags added, ${removed} removed\n`);
    return 0;
  });
}

/** `kadar people`: everyone, by name. */
export async function peopleCommand(options: Json): Promise<number> {
  return withApi(options, async (call) => {
    const people = await call('people.list', {});
    if (options.json) await printJson(people);
    else
      await writeOut(
        people
          .map(
            (p) =>
              `${p.id}\t${p.name}${p.organisation ? `, ${p.organisation}` : ''}\t${p.photoCount} photos\n`,
          )
          .join(''),
      );
    return 0;
  });
}

/** `kadar person add`. */
export async function personAddCommand(
  options: Json & { name: string; organisation?: string; role?: string },
): Promise<number> {
  return withApi(options, async (call) => {
    const person = await call('people.create', {
      name: options.name,
      ...(options.organisation ? { organisation: options.organisation } : {}),
      ...(options.role ? { role: options.role } : {}),
    });
    if (options.json) await printJson(person);
    else await writeOut(`${person.id}\t${person.name}\n`);
    return 0;
  });
}

/** `kadar person tag`. */
export async function personTagCommand(
  options: Json & { person: number[]; photos: number[] },
): Promise<number> {
  return withApi(options, async (call) => {
    const result = await call('people.tag', {
      personIds: options.person,
      photoIds: options.photos,
    });
    if (options.json) await printJson(result);
    else await writeOut(`${result.changed} photos tagged\n`);
    return 0;
  });
}

/** `kadar caption`: titles and captions from templates, each photo's own values filled in. */
export async function captionCommand(
  options: Json & { photos: number[]; caption?: string; title?: string; dryRun?: boolean },
): Promise<number> {
  return withApi(options, async (call) => {
    const filled = await call('photos.caption', {
      ids: options.photos,
      ...(options.title != null ? { title: options.title } : {}),
      ...(options.caption != null ? { caption: options.caption } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
    });
    if (options.json) await printJson(filled);
    else
      await writeOut(filled.map((f) => `${f.id}\t${f.title ?? ''}\t${f.caption ?? ''}\n`).join(''));
    return 0;
  });
}
