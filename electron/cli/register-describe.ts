import { type Command, InvalidArgumentError } from 'commander';
import { colourLabels, photoFlags } from '../../shared/catalog/photo-fields';
import { idList } from './register-archive';

type Run = (action: () => Promise<number>) => Promise<void>;

const load = () => import('./commands/describe-commands');

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

/** Ratings, flags and colour labels. */
export function registerDescribeCommands(program: Command, run: Run): void {
  const with_ = <O extends object>(options: O) => ({ ...program.opts(), ...options });
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
