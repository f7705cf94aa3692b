import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
const optionalText = z.string().trim().max(2000).nullable().optional();

export const organisationInputSchema = z.object({
  name: z.string().trim().min(1).max(300),
  shortName: optionalText,
  city: optionalText,
  country: optionalText,
  website: optionalText,
});
export const organisationSchema = organisationInputSchema.extend({ id: z.number().int() });
export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationInput = z.input<typeof organisationInputSchema>;

export const eventInputSchema = z
  .object({
    title: z.string().trim().min(1).max(500),
    startsOn: isoDay,
    endsOn: isoDay.nullable().optional(),
    venue: optionalText,
    city: optionalText,
    organiserId: z.number().int().nullable().optional(),
    description: z.string().max(20000).nullable().optional(),
  })
  .refine((e) => !e.endsOn || e.endsOn >= e.startsOn, {
    message: 'An event cannot end before it starts',
  });
export const eventSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  venue: z.string().nullable(),
  city: z.string().nullable(),
  organiserId: z.number().int().nullable(),
  organiser: z.string().nullable(),
  description: z.string().nullable(),
  photoCount: z.number().int(),
  projectIds: z.array(z.number().int()),
});
export type Event = z.infer<typeof eventSchema>;
export type EventInput = z.input<typeof eventInputSchema>;

export const partnerRoles = ['lead', 'partner', 'associate'] as const;

export const projectInputSchema = z.object({
  name: z.string().trim().min(1).max(500),
  code: optionalText,
  programme: optionalText,
  startsOn: isoDay.nullable().optional(),
  endsOn: isoDay.nullable().optional(),
  description: z.string().max(20000).nullable().optional(),
});
export const projectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string().nullable(),
  programme: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  description: z.string().nullable(),
  partners: z.array(
    z.object({ organisationId: z.number().int(), name: z.string(), role: z.enum(partnerRoles) }),
  ),
  eventIds: z.array(z.number().int()),
});
export type Project = z.infer<typeof projectSchema>;
export type ProjectInput = z.input<typeof projectInputSchema>;

export const documentSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  path: z.string(),
  mime: z.string().nullable(),
  fileSize: z.number().int().nullable(),
  eventId: z.number().int().nullable(),
  projectId: z.number().int().nullable(),
  addedAt: z.string(),
});
export type Document = z.infer<typeof documentSchema>;

export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  notes: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;
