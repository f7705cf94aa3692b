import { z } from 'zod';
import { isoDay, optionalText, requiredText } from './common';

const text = z.string().min(1, 'Paste or drop the text of a news item').max(2_000_000);

export const proposedEventSchema = z.object({
  title: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  venue: z.string().nullable(),
  city: z.string().nullable(),
  /** The sentence it was read from. */
  evidence: z.string(),
});

export const photoMatchesSchema = z.object({
  /** Listed names that name one catalogued photo. */
  linked: z.array(z.object({ name: z.string(), photoId: z.number().int() })),
  /** Listed names no catalogued photo has. */
  unmatched: z.array(z.string()),
  /** Listed names several photos have (in different folders): reported, not guessed. */
  ambiguous: z.array(z.object({ name: z.string(), photoIds: z.array(z.number().int()) })),
});

export const newsReadingSchema = z.object({
  title: z.string(),
  events: z.array(proposedEventSchema),
  /** Dates mentioned in passing, which the user may still pick as events. */
  otherDates: z.array(
    z.object({ startsOn: z.string().nullable(), endsOn: z.string().nullable(), text: z.string() }),
  ),
  photos: photoMatchesSchema,
  /** Photos taken on the events' days that the item does not list: offered, never linked. */
  suggestedPhotoIds: z.array(z.number().int()),
  /** A date has no year, and neither the item nor its photos tell it. */
  needsYear: z.boolean(),
});
export type NewsReading = z.infer<typeof newsReadingSchema>;

/** The events to create, as the user confirmed or corrected them. */
export const newsEventInputSchema = z.object({
  title: requiredText(500),
  startsOn: isoDay,
  endsOn: isoDay.nullable().optional(),
  venue: optionalText(500),
  city: optionalText(200),
});

export const newsMethods = {
  /** Reads a news item or invitation (text or HTML): its events, dates and listed photos. */
  'news.read': {
    input: z.object({ text, year: z.number().int().min(1900).max(2100).optional() }).strict(),
    output: newsReadingSchema,
  },
  /**
   * Creates the item's events (as read, or as the user corrected them) and puts the listed
   * photos into them, as one undoable step.
   */
  'news.import': {
    input: z
      .object({
        text,
        year: z.number().int().min(1900).max(2100).optional(),
        events: z.array(newsEventInputSchema).min(1).max(50).optional(),
      })
      .strict(),
    output: z.object({
      eventIds: z.array(z.number().int()),
      linked: z.array(z.number().int()),
      unmatched: z.array(z.string()),
      ambiguous: photoMatchesSchema.shape.ambiguous,
    }),
  },
} as const;
