import { z } from 'zod';
import { id, none, optionalText, requiredText } from './common';

export const organisationFieldsSchema = z.object({
  name: requiredText(300),
  shortName: optionalText(100),
  city: optionalText(200),
  country: optionalText(200),
  website: optionalText(500),
});
export type OrganisationFields = z.input<typeof organisationFieldsSchema>;

export const organisationSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  website: z.string().nullable(),
  /** Events it organised, oldest first. */
  eventIds: z.array(z.number().int()),
  /** Projects it is a partner in. */
  projectIds: z.array(z.number().int()),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationMethods = {
  'organisations.list': { input: none, output: z.array(organisationSchema) },
  'organisations.get': { input: z.object({ id }).strict(), output: organisationSchema },
  'organisations.create': { input: organisationFieldsSchema.strict(), output: organisationSchema },
  'organisations.update': {
    input: z.object({ id, patch: organisationFieldsSchema.partial().strict() }).strict(),
    output: organisationSchema,
  },
  /** Deletes the organisation; events it organised keep no organiser. */
  'organisations.delete': {
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
} as const;
