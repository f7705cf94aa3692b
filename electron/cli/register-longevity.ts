import type { Command } from 'commander';
import { progressOption } from './progress-option';

type Run = (action: () => Promise<number>) => Promise<void>;

/** What lets the archive outlive its catalog: backups and restore, sidecars. */
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
    .addOption(progressOption())
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

  const archiveFile = () => import('./commands/archive-file-commands');
  const archive = program
    .command('archive')
    .description(
      "the whole catalog's own data as one documented JSON file (docs/archive-format.md)",
    );
  archive
    .command('export')
    .description(
      'write events, projects, people, tags, documents, galleries, … and what people gave photos',
    )
    .argument('<file>', 'the JSON file to write (replaced if it exists)')
    .option('--json', 'print JSON: path, counts')
    .action((file: string, options: object) =>
      run(async () => (await archiveFile()).archiveExportCommand(file, with_(options))),
    );
  archive
    .command('import')
    .description(
      'read an archive file into the catalog: matched by uid, path or name; nothing doubles',
    )
    .argument('<file>', 'a file written by `kadar archive export`')
    .option('--json', 'print JSON: path, counts per kind, unresolvedPhotoRefs, documentTexts')
    .action((file: string, options: object) =>
      run(async () => (await archiveFile()).archiveImportCommand(file, with_(options))),
    );

  const sidecarCommands = () => import('./commands/sidecar-commands');
  const sidecars = program
    .command('sidecars')
    .description('XMP sidecars beside the photos of a library folder, and its kadar-archive.json')
    .option('--json', 'print JSON: each folder, its naming and what is still to be written')
    .action((options: object) =>
      run(async () => (await sidecarCommands()).sidecarsStatusCommand(with_(options))),
    );
  const rootOption = ['--root <id>', 'the library folder (see `kadar roots`)', Number] as const;
  sidecars
    .command('on')
    .description('write sidecars for every photo described in Kadar now, and keep them current')
    .requiredOption(...rootOption)
    .option('--naming <style>', 'digikam (DSC_2208.JPG.xmp) or lightroom (DSC_2208.xmp)', 'digikam')
    .option('--json', 'print JSON: the setting and what was written')
    .action((options: { root: number; naming: 'digikam' | 'lightroom' }) =>
      run(async () =>
        (await sidecarCommands()).sidecarsSetCommand(
          true,
          with_({ ...sidecars.opts(), ...options }),
        ),
      ),
    );
  sidecars
    .command('off')
    .description('stop writing sidecars for a library folder (those written stay)')
    .requiredOption(...rootOption)
    .option('--json', 'print JSON')
    .action((options: { root: number }) =>
      run(async () =>
        (await sidecarCommands()).sidecarsSetCommand(
          false,
          with_({ ...sidecars.opts(), ...options }),
        ),
      ),
    );
}
