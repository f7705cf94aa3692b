import type { Command } from 'commander';

type Run = (action: () => Promise<number>) => Promise<void>;

/** What lets the archive outlive its catalog: backups and restore. */
export function registerLongevityCommands(program: Command, run: Run): void {
  const with_ = <O extends object>(options: O) => ({ ...program.opts(), ...options });
  const backups = () => import('./commands/backup-commands');
  program
    .command('backup')
    .description(
      "back the catalog up (verified): today's copy beside it, 7 daily and 4 weekly kept",
    )
    .option('--out <file>', 'write the backup to this file instead')
    .option('--json', 'print JSON: path, bytes, counts, copy')
    .action((options: { out?: string }) =>
      run(async () => (await backups()).backupCommand(with_(options))),
    );
  program
    .command('restore')
    .description('replace the catalog with a backup (close the app first); the old one is kept')
    .argument('<file>', 'a backup made by `kadar backup` or the app')
    .option('--json', 'print JSON: restored, keptAside, counts')
    .action((file: string, options: object) =>
      run(async () => (await backups()).restoreCommand(file, with_(options))),
    );
}
