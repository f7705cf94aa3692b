import type { Command } from 'commander';
import { idList, positiveInt } from './register-archive';

type Run = (action: () => Promise<number>) => Promise<void>;

const load = () => import('./commands/export-commands');

/** Galleries for the website and the newsletter, their presets and their history. */
export function registerExportCommands(program: Command, run: Run): void {
  const with_ = <O extends object>(options: O) => ({ ...program.opts(), ...options });
  program
    .command('export')
    .description(
      'export a gallery: resized images, index.html, gallery.json, captions.csv, news.txt',
    )
    .option('--event <id>', 'an event', positiveInt)
    .option('--project <id>', 'a project (its events as sections, in date order)', positiveInt)
    .option('--gallery <id>', 'a saved gallery, in its own order', positiveInt)
    .option('--photos <ids>', 'photo ids, comma-separated, in gallery order', idList)
    .requiredOption('--preset <name>', 'an export preset, by name (any case): see `kadar presets`')
    .requiredOption('--out <dir>', 'a new or empty folder to make the gallery in')
    .option('--zip', 'also pack the gallery into one ZIP inside the folder')
    .option('--force', 'replace what the folder holds')
    .option(
      '--json',
      'print JSON: files (path, width, height, bytes, photoId), gallery, zip, skipped',
    )
    .action((options: Parameters<Awaited<ReturnType<typeof load>>['exportCommand']>[0]) =>
      run(async () => (await load()).exportCommand(with_(options))),
    );
  program
    .command('presets')
    .description('list the export presets')
    .option('--json', 'print JSON')
    .action((options: object) => run(async () => (await load()).presetsCommand(with_(options))));
  program
    .command('exports')
    .description('list what was exported, when and where, newest first')
    .option('--event <id>', "only exports holding an event's photos", positiveInt)
    .option('--project <id>', 'only exports of a project', positiveInt)
    .option('--photo <id>', 'only exports holding a photo', positiveInt)
    .option('--json', 'print JSON')
    .action((options: object) => run(async () => (await load()).exportsCommand(with_(options))));
}
