#!/usr/bin/env node
import { Command } from 'commander';
import { exitWithError } from './exit-with-error';
import { progressOption } from './progress-option';
import { positiveInt, registerArchiveCommands } from './register-archive';
import { registerDescribeCommands } from './register-describe';
import { registerExportCommands } from './register-export';
import { registerLongevityCommands } from './register-longevity';

// Each command loads its own modules when it runs: `serve` needs the API's schemas, and
// loading those alone (zod) would add a tenth of a second to every `kadar index`.
const commands = {
  index: () => import('./commands/index-command'),
  photos: () => import('./commands/photos-command'),
  serve: () => import('./commands/serve-command'),
  stats: () => import('./commands/stats-command'),
};

const collectInts = (value: string, previous: number[] = []) => [...previous, positiveInt(value)];

const program = new Command()
  .name('kadar')
  .description("Kadar: an offline archive of an organisation's photos, events and projects.")
  .option(
    '--catalog <file>',
    'catalog file (default: $KADAR_CATALOG, else the per-user data folder)',
  )
  // Usage mistakes answer like every other refusal: one line, and JSON where it was asked for.
  .exitOverride((error) => {
    if (error.exitCode !== 0 && process.argv.includes('--json'))
      process.stdout.write(
        `${JSON.stringify({ error: { code: 'INVALID_INPUT', message: error.message.replace(/^error: /, '') } })}\n`,
      );
    process.exit(error.exitCode);
  })
  .configureOutput({
    outputError: (text, write) => write(`kadar: ${text.replace(/^error: /, '')}`),
  });

function run(action: () => Promise<number>): Promise<void> {
  return action().then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => exitWithError(error),
  );
}

program
  .command('index')
  .description(
    'add folders to the library and index the photos in them (new and changed files only)',
  )
  .argument('<folder...>', 'folders to index, recursively')
  .option('--json', 'print the run summary as JSON')
  .option('--threads <n>', 'files read at once (default: one per core, plus two)', positiveInt)
  .addOption(progressOption())
  .action((folders: string[], options: object) =>
    run(async () =>
      (await commands.index()).indexCommand(folders, { ...program.opts(), ...options }),
    ),
  );

program
  .command('rescan')
  .description('look for new, changed, moved and vanished files in the library folders')
  .option('--root <id>', 'only this library folder (repeatable)', collectInts)
  .option('--json', 'print the run summary as JSON')
  .option('--threads <n>', 'files read at once (default: one per core, plus two)', positiveInt)
  .addOption(progressOption())
  .action((options: object) =>
    run(async () => (await commands.index()).indexCommand(null, { ...program.opts(), ...options })),
  );

program
  .command('photos')
  .description('list the photos in the catalog')
  .option('--json', 'print a JSON array with every field')
  .option('--search <query>', 'only photos matching the words (any spelling: Nis, Niš, Ниш)')
  .option('--root <id>', 'only photos in this library folder', positiveInt)
  .option('--limit <n>', 'at most this many', positiveInt)
  .option('--errors', 'only files that could not be read fully')
  .option('--missing', 'only photos whose files have vanished')
  .option('--event <id>', 'only the photos of this event', positiveInt)
  .option('--project <id>', "only the photos of this project's events", positiveInt)
  .option('--no-event', 'only photos in no event')
  .option('--min-rating <n>', 'only photos with this many stars or more', positiveInt)
  .option('--flag <flag>', 'only picks, rejects, or photos with neither (pick|reject|none)')
  .option('--label <label>', 'only photos with this colour label, or none')
  .option('--tag <path>', 'only photos with this tag or one below it ("Place/Niš")')
  .option('--person <id>', 'only photos this person is tagged in', positiveInt)
  .option('--untagged', 'only photos with no tag')
  .action((options: object) =>
    run(async () => (await commands.photos()).photosCommand({ ...program.opts(), ...options })),
  );

program
  .command('stats')
  .description('count what the catalog holds')
  .option('--json', 'print JSON')
  .action((options: object) =>
    run(async () => (await commands.stats()).statsCommand({ ...program.opts(), ...options })),
  );

program
  .command('roots')
  .description('list the library folders')
  .option('--json', 'print JSON')
  .action((options: object) =>
    run(async () => (await commands.stats()).rootsCommand({ ...program.opts(), ...options })),
  );

program
  .command('serve')
  .description(
    'serve the Kadar window in a browser on 127.0.0.1 (for machines without the desktop app)',
  )
  .option('--port <n>', 'port to listen on (default: any free port)', positiveInt)
  .option('--sample', 'open the sample archive if the catalog has no folders yet')
  .option(
    '--threads <n>',
    "files the window's index runs read at once, and its exports' threads (default: one per core, plus two)",
    positiveInt,
  )
  .action((options: object) =>
    run(async () => (await commands.serve()).serveCommand({ ...program.opts(), ...options })),
  );

registerArchiveCommands(program, run);
registerDescribeCommands(program, run);
registerExportCommands(program, run);
registerLongevityCommands(program, run);

program.parseAsync().catch(exitWithError);
