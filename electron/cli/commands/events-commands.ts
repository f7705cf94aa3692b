import type { EventSuggestion, KadarEvent } from '../../../shared/api/domains/events';
import { printJson, withApi, writeOut, type GlobalOptions } from '../cli-context';

interface Json extends GlobalOptions {
  json?: boolean;
}

const line = (e: KadarEvent) =>
  `${e.id}\t${e.startsOn}${e.endsOn ? `–${e.endsOn}` : ''}\t${e.title}${e.city ? `, ${e.city}` : ''}\t${e.photoCount} photos\n`;

/** `kadar events`: every event, oldest first. */
export async function eventsCommand(options: Json & { project?: number }): Promise<number> {
  return withApi(options, async (call) => {
    const events = await call('events.list', options.project ? { projectId: options.project } : {});
    if (options.json) await printJson(events);
    else await writeOut(events.map(line).join(''));
    return 0;
  });
}

export interface EventAddOptions extends Json {
  title: string;
  start: string;
  end?: string;
  venue?: string;
  city?: string;
  country?: string;
  photos?: number[];
}

/** `kadar event add`: one event, optionally with its photos. */
export async function eventAddCommand(options: EventAddOptions): Promise<number> {
  return withApi(options, async (call) => {
    const event = await call('events.create', {
      title: options.title,
      startsOn: options.start,
      ...(options.end ? { endsOn: options.end } : {}),
      ...(options.venue ? { venue: options.venue } : {}),
      ...(options.city ? { city: options.city } : {}),
      ...(options.country ? { country: options.country } : {}),
      ...(options.photos ? { photoIds: options.photos } : {}),
    });
    if (options.json) await printJson(event);
    else await writeOut(line(event));
    return 0;
  });
}

/** `kadar event assign`: moves photos into an event. */
export async function eventAssignCommand(
  options: Json & { event: number; photos: number[] },
): Promise<number> {
  return withApi(options, async (call) => {
    const result = await call('events.assignPhotos', {
      eventId: options.event,
      photoIds: options.photos,
    });
    if (options.json) await printJson(result);
    else await writeOut(`${result.changed} photos moved\n`);
    return 0;
  });
}

/** `kadar event merge`: the events' photos, documents and projects go into one; they go. */
export async function eventMergeCommand(
  options: Json & { into: number; events: number[] },
): Promise<number> {
  return withApi(options, async (call) => {
    const result = await call('events.merge', {
      targetId: options.into,
      sourceIds: options.events,
    });
    if (options.json) await printJson(result);
    else await writeOut(`Merged into ${result.title}\n`);
    return 0;
  });
}

/** `kadar event delete`: the event goes, its photos stay. */
export async function eventDeleteCommand(id: number, options: Json): Promise<number> {
  return withApi(options, async (call) => {
    const result = await call('events.delete', { id });
    if (options.json) await printJson(result);
    return 0;
  });
}

const suggestionLine = (s: EventSuggestion) =>
  `${s.startsAt} – ${s.endsAt}\t${s.photoIds.length === 1 ? '1 photo' : `${s.photoIds.length} photos`}\t${s.title ?? '(untitled)'}${s.city ? `, ${s.city}` : ''}\n`;

/** `kadar suggest-events`: proposed events for the photos in none. */
export async function suggestEventsCommand(options: Json & { gap?: number }): Promise<number> {
  return withApi(options, async (call) => {
    const suggestions = await call(
      'events.suggest',
      options.gap != null ? { gapHours: options.gap } : {},
    );
    if (options.json) await printJson(suggestions);
    else await writeOut(suggestions.map(suggestionLine).join(''));
    return 0;
  });
}
