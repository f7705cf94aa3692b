import { z } from 'zod';
import { endNotBeforeStart, id, ids, isoDay, none, optionalText, requiredText } from './common';
import { partnerRoles } from '../partner-roles';
import { documentSummarySchema, eventSchema } from './events';

export { partnerRoles, type PartnerRole } from '../partner-roles';

export const partnerSchema = z.object({
  organisationId: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  role: z.enum(partnerRoles),
  country: z.string().nullable(),
});

/** A partner by id, or by name (an organisation of that name is found or created). */
export const partnerInputSchema = z.union([
  z.object({ organisationId: id, role: z.enum(partnerRoles).default('partner') }).strict(),
  z
    .object({
      name: requiredText(300),
      country: optionalText(200),
      role: z.enum(partnerRoles).default('partner'),
    })
    .strict(),
]);
export type PartnerInput = z.input<typeof partnerInputSchema>;

export const projectFieldsSchema = z.object({
  name: requiredText(500),
  code: optionalText(100),
  programme: optionalText(500),
  startsOn: isoDay.nullable().optional(),
  endsOn: isoDay.nullable().optional(),
  description: optionalText(20000),
  /** What its events' photos carry unless a photo has its own (file) value. */
  creator: optionalText(300),
  credit: optionalText(300),
  copyright: optionalText(500),
});
export type ProjectFields = z.input<typeof projectFieldsSchema>;

export const projectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string().nullable(),
  programme: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  description: z.string().nullable(),
  creator: z.string().nullable(),
  credit: z.string().nullable(),
  copyright: z.string().nullable(),
  partners: z.array(partnerSchema),
  eventIds: z.array(z.number().int()),
  photoCount: z.number().int(),
  documents: z.array(documentSummarySchema),
});
export type Project = z.infer<typeof projectSchema>;

/** A project's history: its events in date order and what they add up to. */
export const projectTimelineSchema = z.object({
  project: projectSchema,
  events: z.array(eventSchema),
  totals: z.object({
    events: z.number().int(),
    photos: z.number().int(),
    documents: z.number().int(),
    towns: z.number().int(),
    partners: z.number().int(),
  }),
});
export type ProjectTimeline = z.infer<typeof projectTimelineSchema>;

export const projectMethods = {
  'projects.list': { input: none, output: z.array(projectSchema) },
  'projects.get': { input: z.object({ id }).strict(), output: projectSchema },
  'projects.timeline': { input: z.object({ id }).strict(), output: projectTimelineSchema },
  'projects.create': {
    input: projectFieldsSchema
      .extend({
        partners: z.array(partnerInputSchema).max(200).optional(),
        eventIds: ids(10_000).optional(),
      })
      .strict()
      .superRefine(endNotBeforeStart),
    output: projectSchema,
  },
  'projects.update': {
    input: z
      .object({
        id,
        patch: projectFieldsSchema.partial().strict(),
        partners: z.array(partnerInputSchema).max(200).optional(),
      })
      .strict(),
    output: projectSchema,
  },
  /** Deletes the project; its events and their photos stay. */
  'projects.delete': {
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  'projects.linkEvents': {
    input: z.object({ projectId: id, eventIds: ids(10_000) }).strict(),
    output: projectSchema,
  },
  'projects.unlinkEvents': {
    input: z.object({ projectId: id, eventIds: ids(10_000) }).strict(),
    output: projectSchema,
  },
} as const;
