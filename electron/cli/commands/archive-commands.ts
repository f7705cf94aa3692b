import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { KadarError, toApiError } from '../../../shared/errors';
import { printJson, typedPath, withApi, writeOut, type GlobalOptions } from '../cli-context';

interface Json extends GlobalOptions {
  json?: boolean;
}

/** `kadar attach`: documents for an event or a project, copied in or linked in place. */
export async function attachCommand(
  files: string[],
  options: Json & { event?: number; project?: number; link?: boolean },
): Promise<number> {
  if ((options.event == null) === (options.project == null))
    throw new KadarError('INVALID_INPUT', 'Name either --event or --project.');
  const owner =
    options.event != null ? { eventId: options.event } : { projectId: options.project! };
  return withApi(options, async (call) => {
    // One step: every file, or none when one cannot be read.
    const attached = await call('documents.attach', {
      owner,
      sources: files.map((path) => ({ path: typedPath(path), link: options.link === true })),
    });
    if (options.json) await printJson(attached);
    else await writeOut(attached.map((d) => `${d.id}\t${d.title}\t${d.path}\n`).join(''));
    return 0;
  });
}

/**
 * `kadar import-news`: news items or invitations (text or HTML files) into events with their
 * listed photos; `--dry-run` reports what would be made. One answer per file, in order; a file
 * that cannot be imported changes nothing, answers its `error`, and fails the command.
 */
export async function importNewsCommand(
  files: string[],
  options: Json & { dryRun?: boolean; year?: number },
): Promise<number> {
  return withApi(options, async (call) => {
    const results = [];
    let failures = 0;
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new KadarError(
          'FILE_UNREADABLE',
          `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        );
      }
      const year = options.year != null ? { year: options.year } : {};
      try {
        const reading = await call('news.read', { text, ...year });
        if (options.dryRun) {
          results.push({
            file,
            events: reading.events.map(({ title, startsOn, endsOn, venue, city }) => ({
              id: null,
              title,
              startsOn,
              endsOn,
              venue,
              city,
            })),
            linked: reading.photos.linked.map((l) => l.photoId),
            unmatched: reading.photos.unmatched,
            ambiguous: reading.photos.ambiguous,
          });
          continue;
        }
        const made = await call('news.import', { text, ...year });
        const events = await Promise.all(made.eventIds.map((id) => call('events.get', { id })));
        results.push({
          file,
          events: events.map(({ id, title, startsOn, endsOn, venue, city }) => ({
            id,
            title,
            startsOn,
            endsOn,
            venue,
            city,
          })),
          linked: made.linked,
          unmatched: made.unmatched,
          ambiguous: made.ambiguous,
        });
      } catch (error) {
        failures++;
        const { code, message } = toApiError(error);
        process.stderr.write(`kadar: ${basename(file)}: ${message}\n`);
        results.push({ file, error: { code, message } });
      }
    }
    if (options.json) await printJson(results);
    else
      await writeOut(
        results
          .map((r) =>
            'error' in r
              ? `${r.file}: not imported\n`
              : `${r.file}: ${r.events.map((e) => `${e.startsOn} ${e.title}`).join('; ')}; ${r.linked.length} photos linked, ${r.unmatched.length} not found, ${r.ambiguous.length} ambiguous\n`,
          )
          .join(''),
      );
    return failures ? 1 : 0;
  });
}

/** `kadar undo` / `kadar redo`: one step of the edit history. */
export async function replayCommand(direction: 'undo' | 'redo', options: Json): Promise<number> {
  return withApi(options, async (call) => {
    const outcome = await call(direction === 'undo' ? 'history.undo' : 'history.redo', {});
    if (options.json) await printJson(outcome);
    else
      await writeOut(
        outcome.step
          ? `${direction === 'undo' ? 'Undid' : 'Redid'}: ${outcome.step.label}\n`
          : `Nothing to ${direction}.\n`,
      );
    return 0;
  });
}

/** `kadar history`: the edit history, newest first. */
export async function historyCommand(options: Json & { limit?: number }): Promise<number> {
  return withApi(options, async (call) => {
    const steps = await call('history.list', options.limit ? { limit: options.limit } : {});
    if (options.json) await printJson(steps);
    else
      await writeOut(
        steps.map((s) => `${s.id}\t${s.at}\t${s.undone ? '(undone) ' : ''}${s.label}\n`).join(''),
      );
    return 0;
  });
}
