import { type Command, InvalidArgumentError } from 'commander';
import { colourLabels, photoFlags } from '../../shared/catalog/photo-fields';
import { idList } from './register-archive';

type Run = (action: () => Promise<number>) => Promise<void>;

const load = () => import('./commands/describe-commands');
const keywords = () => import('./commands/keyword-commands');
const collect = (value: string, previous: string[] = []) => [...previous, value];

const stars = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 5)
    throw new InvalidArgumentError('Expected 0 to 5 stars.');
  return n;
};

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): T => {
    const v = value.toLowerCase();
    if (!(values as readonly string[]).includes(v))
      throw new InvalidArgumentError(`Expected one of: ${values.join(', ')}.`);
    return v as T;
  };

/** Ratings, flags, colour labels, tags, people and captions. */
export function registerDescribeCommands(program: Command, run: Run): void {
  const with_ = <O extends object>(options: O) => ({ ...program.opts(), ...options });
  program
    .command('tags')
    .description('list the tags (keywords) as a tree, in path order')
    .option('--json', 'print JSON: id, parentId, name, path, photoCount, source')
    .action((options: object) => run(async () => (await keywords()).tagsCommand(with_(options))));
  program
    .command('tag')
    .description('add tags to photos and remove them (levels made as needed: "Place/Niš")')
    .requiredOption('--photos <ids>', 'photo ids, comma-separated', idList)
    .option('--add <tag>', 'a tag path to add (repeatable)', collect)
    .option('--remove <tag>', 'a tag path to remove (repeatable)', collect)
    .option('--json', 'print JSON')
    .action((options: { photos: number[]; add?: string[]; remove?: string[] }) =>
      run(async () => (await keywords()).tagCommand(with_(options))),
    );
  program
    .command('people')
    .description('list the people')
    .option('--json', 'print JSON')
    .action((options: object) => run(async () => (await keywords()).peopleCommand(with_(options))));
  const person = program.command('person').description('add people and tag them in photos');
  person
    .command('add')
    .description('add a person')
    .requiredOption('--name <name>', 'their name')
    .option('--organisation <name>', 'where they work (made if new)')
    .option('--role <role>', 'what they do there')
    .option('--json', 'print the person as JSON')
    .action((options: { name: string; organisation?: string; role?: string }) =>
      run(async () => (await keywords()).personAddCommand(with_(options))),
    );
  person
    .command('tag')
    .description('tag a person in photos')
    .requiredOption('--person <ids>', 'person ids, comma-separated', idList)
    .requiredOption('--photos <ids>', 'photo ids, comma-separated', idList)
    .option('--json', 'print JSON')
    .action((options: { person: number[]; photos: number[] }) =>
      run(async () => (await keywords()).personTagCommand(with_(options))),
    );
  program
    .command('caption')
    .description('set titles and captions from templates: {event}, {date:d.M.yyyy}, {seq}…')
    .requiredOption(
      '--photos <ids>',
      'photo ids, comma-separated, in the order {seq} counts',
      idList,
    )
    .option('--caption <template>', 'the caption template')
    .option('--title <template>', 'the title template')
    .option('--dry-run', 'print what they would be; change nothing')
    .option('--json', "print each photo's id, title and caption as JSON")
    .action((options: { photos: number[]; caption?: string; title?: string; dryRun?: boolean }) =>
      run(async () => (await keywords()).captionCommand(with_(options))),
    );
  program
    .command('rate')
    .description('give photos 0 to 5 stars (one undoable step)')
    .requiredOption('--photos <ids>', 'photo ids, comma-separated', idList)
    .requiredOption('--stars <n>', '0 to 5', stars)
    .option('--json', 'print JSON')
    .action((options: { photos: number[]; stars: number }) =>
      run(async () => (await load()).setPhotosCommand(with_(options), { rating: options.stars })),
    );
  program
    .command('flag')
    .description('mark photos as picks or rejects, or neither')
    .argument('<flag>', 'pick, reject or none', oneOf([...photoFlags, 'none'] as const))
    .requiredOption('--photos <ids>', 'photo ids, comma-separated', idList)
    .option('--json', 'print JSON')
    .action((flag: 'pick' | 'reject' | 'none', options: { photos: number[] }) =>
      run(async () => (await load()).setPhotosCommand(with_(options), { flag })),
    );
  program
    .command('label')
    .description('give photos a colour label, or none')
    .argument(
      '<label>',
      `${colourLabels.join(', ')} or none`,
      oneOf([...colourLabels, 'none'] as const),
    )
    .requiredOption('--photos <ids>', 'photo ids, comma-separated', idList)
    .option('--json', 'print JSON')
    .action((label: (typeof colourLabels)[number] | 'none', options: { photos: number[] }) =>
      run(async () => (await load()).setPhotosCommand(with_(options), { label })),
    );
}
