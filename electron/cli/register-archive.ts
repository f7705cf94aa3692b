import { type Command, InvalidArgumentError } from 'commander';

// Loaded when a command runs: the archive's commands need the API (and its schemas).
const load = {
  events: () => import('./commands/events-commands'),
  projects: () => import('./commands/projects-commands'),
  archive: () => import('./commands/archive-commands'),
};

type Run = (action: () => Promise<number>) => Promise<void>;

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('Expected a positive whole number.');
  return n;
}

export const idList = (value: string, previous: number[] = []) => [
  ...previous,
  ...value.split(',').map((part) => positiveInt(part.trim())),
];
const collect = (value: string, previous: string[] = []) => [...previous, value];
const hours = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('Expected hours, e.g. 3 or 1.5.');
  return n;
};
const year = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2100)
    throw new InvalidArgumentError('Expected a year.');
  return n;
};

/** The events, projects, documents, news and history commands. */
export function registerArchiveCommands(program: Command, run: Run): void {
  const globals = () => program.opts();
  const with_ = <O extends object>(options: O) => ({ ...globals(), ...options });

  program
    .command('events')
    .description('list the events, oldest first')
    .option('--json', 'print JSON')
    .option('--project <id>', 'only the events of this project', positiveInt)
    .action((options: object) =>
      run(async () => (await load.events()).eventsCommand(with_(options))),
    );

  const event = program.command('event').description('add, fill and delete events');
  event
    .command('add')
    .description('add an event (and put photos in it)')
    .requiredOption('--title <title>', "the event's title")
    .requiredOption('--start <date>', 'the first day, YYYY-MM-DD')
    .option('--end <date>', 'the last day, YYYY-MM-DD')
    .option('--venue <venue>', 'where it took place')
    .option('--city <city>', 'the town')
    .option('--country <country>', 'the country')
    .option('--photos <ids>', 'photo ids, comma-separated', idList)
    .option('--json', 'print the event as JSON')
    .action((options: { title: string; start: string }) =>
      run(async () => (await load.events()).eventAddCommand(with_(options))),
    );
  event
    .command('assign')
    .description('move photos into an event')
    .requiredOption('--event <id>', 'the event', positiveInt)
    .requiredOption('--photos <ids>', 'photo ids, comma-separated', idList)
    .option('--json', 'print JSON')
    .action((options: { event: number; photos: number[] }) =>
      run(async () => (await load.events()).eventAssignCommand(with_(options))),
    );
  event
    .command('merge')
    .description('merge events into one (their photos, documents and projects go with them)')
    .requiredOption('--into <id>', 'the event they go into', positiveInt)
    .requiredOption('--events <ids>', 'the events merged into it, comma-separated', idList)
    .option('--json', 'print the event as JSON')
    .action((options: { into: number; events: number[] }) =>
      run(async () => (await load.events()).eventMergeCommand(with_(options))),
    );
  event
    .command('delete')
    .description('delete an event (its photos stay in the library)')
    .argument('<id>', 'the event', positiveInt)
    .option('--json', 'print JSON')
    .action((id: number, options: object) =>
      run(async () => (await load.events()).eventDeleteCommand(id, with_(options))),
    );

  program
    .command('suggest-events')
    .description('propose events for the photos in none, by time gaps and folders')
    .option('--gap <hours>', 'a pause this long starts a new event (default 3)', hours)
    .option('--json', 'print JSON')
    .action((options: object) =>
      run(async () => (await load.events()).suggestEventsCommand(with_(options))),
    );

  program
    .command('projects')
    .description('list the projects with their partners and events')
    .option('--json', 'print JSON')
    .action((options: object) =>
      run(async () => (await load.projects()).projectsCommand(with_(options))),
    );
  const project = program.command('project').description('add projects and link their events');
  project
    .command('add')
    .description('add a project')
    .requiredOption('--name <name>', "the project's name")
    .option('--code <code>', 'its reference code')
    .option('--programme <programme>', 'the funding programme')
    .option('--start <date>', 'the first day, YYYY-MM-DD')
    .option('--end <date>', 'the last day, YYYY-MM-DD')
    .option(
      '--partner <NAME[:ROLE[:COUNTRY]]>',
      'a partner (repeatable); role lead, partner or associate',
      collect,
    )
    .option('--json', 'print the project as JSON')
    .action((options: { name: string }) =>
      run(async () => (await load.projects()).projectAddCommand(with_(options))),
    );
  project
    .command('link')
    .description('put events into a project')
    .requiredOption('--project <id>', 'the project', positiveInt)
    .requiredOption('--event <ids>', 'event ids, comma-separated (repeatable)', idList)
    .option('--json', 'print the project as JSON')
    .action((options: { project: number; event: number[] }) =>
      run(async () => (await load.projects()).projectLinkCommand(with_(options))),
    );
  program
    .command('organisations')
    .description('list the organisations')
    .option('--json', 'print JSON')
    .action((options: object) =>
      run(async () => (await load.projects()).organisationsCommand(with_(options))),
    );

  program
    .command('attach')
    .description('attach documents to an event or a project (copied into the archive)')
    .argument('<file...>', 'the documents')
    .option('--event <id>', 'the event', positiveInt)
    .option('--project <id>', 'the project', positiveInt)
    .option('--link', 'link files inside a library folder where they are, instead of copying')
    .option('--json', 'print JSON')
    .action((files: string[], options: object) =>
      run(async () => (await load.archive()).attachCommand(files, with_(options))),
    );
  program
    .command('import-news')
    .description("make events from the website's news items (text or HTML) and link their photos")
    .argument('<file...>', 'news items')
    .option('--dry-run', 'say what would be made, change nothing')
    .option('--year <year>', 'the year of dates given without one', year)
    .option('--json', 'print JSON')
    .action((files: string[], options: object) =>
      run(async () => (await load.archive()).importNewsCommand(files, with_(options))),
    );
  for (const direction of ['undo', 'redo'] as const)
    program
      .command(direction)
      .description(`${direction} the last ${direction === 'undo' ? '' : 'undone '}edit`)
      .option('--json', 'print JSON')
      .action((options: object) =>
        run(async () => (await load.archive()).replayCommand(direction, with_(options))),
      );
  program
    .command('history')
    .description('list the edit history, newest first')
    .option('--limit <n>', 'at most this many steps', positiveInt)
    .option('--json', 'print JSON')
    .action((options: object) =>
      run(async () => (await load.archive()).historyCommand(with_(options))),
    );
}
