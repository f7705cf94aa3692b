import { z } from 'zod';
import {
  clockTime,
  endNotBeforeStart,
  id,
  ids,
  isoDay,
  optionalText,
  requiredText,
} from './common';

export const documentSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
});

export const eventFieldsSchema = z.object({
  title: requiredText(500),
  startsOn: isoDay,
  endsOn: isoDay.nullable().optional(),
  startTime: clockTime.nullable().optional(),
  endTime: clockTime.nullable().optional(),
  venue: optionalText(500),
  city: optionalText(200),
  country: optionalText(200),
  organiserId: id.nullable().optional(),
  description: optionalText(20000),
  coverPhotoId: id.nullable().optional(),
});
export type EventFields = z.input<typeof eventFieldsSchema>;

export const eventSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  venue: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  organiserId: z.number().int().nullable(),
  organiser: z.string().nullable(),
  description: z.string().nullable(),
  /** The chosen cover, else the event's first photo. */
  coverPhotoId: z.number().int().nullable(),
  photoCount: z.number().int(),
  projectIds: z.array(z.number().int()),
  documents: z.array(documentSummarySchema),
});
export type KadarEvent = z.infer<typeof eventSchema>;

export const eventSuggestionSchema = z.object({
  key: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  photoIds: z.array(z.number().int()),
  folderPaths: z.array(z.string()),
  cameras: z.number().int(),
  title: z.string().nullable(),
  city: z.string().nullable(),
  venue: z.string().nullable(),
  source: z.enum(['iptc', 'folder', 'time']),
});
export type EventSuggestion = z.infer<typeof eventSuggestionSchema>;

const photoIds = ids(200_000);

export const eventMethods = {
  /** Events in the order they happened, optionally those of one project or organisation. */
  'events.list': {
    input: z
      .object({
        projectId: id.optional(),
        organisationId: id.optional(),
        search: z.string().max(500).optional(),
      })
      .strict(),
    output: z.array(eventSchema),
  },
  'events.get': { input: z.object({ id }).strict(), output: eventSchema },
  /** Creates an event, optionally with its photos (moved from any event they were in). */
  'events.create': {
    input: eventFieldsSchema
      .extend({ photoIds: photoIds.optional(), projectIds: ids(1000).optional() })
      .strict()
      .superRefine(endNotBeforeStart),
    output: eventSchema,
  },
  'events.update': {
    input: z.object({ id, patch: eventFieldsSchema.partial().strict() }).strict(),
    output: eventSchema,
  },
  /** Deletes the event; its photos stay in the library, in no event. */
  'events.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Moves the other events' photos, documents and projects into the target and deletes them. */
  'events.merge': {
    input: z.object({ targetId: id, sourceIds: ids(1000) }).strict(),
    output: eventSchema,
  },
  /** Moves these photos of an event into a new event like it (a second day, another town). */
  'events.split': {
    input: z.object({ id, photoIds, title: requiredText(500).optional() }).strict(),
    output: eventSchema,
  },
  /** Puts photos into an event (a photo is in one event at most), or into none with null. */
  'events.assignPhotos': {
    input: z.object({ eventId: id.nullable(), photoIds }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
  /** Proposed events for photos in no event: grouped by time gaps, split by folder. */
  'events.suggest': {
    input: z.object({ gapHours: z.number().min(0.1).max(72).optional() }).strict(),
    output: z.array(eventSuggestionSchema),
  },
} as const;
