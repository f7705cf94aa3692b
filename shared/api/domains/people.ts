import { z } from 'zod';
import { id, ids, none, optionalText, requiredText } from './common';

export const personFieldsSchema = z.object({
  name: requiredText(300),
  organisationId: id.nullable().optional(),
  role: optionalText(300),
  notes: optionalText(5000),
});
export type PersonFields = z.input<typeof personFieldsSchema>;

export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  organisationId: z.number().int().nullable(),
  organisation: z.string().nullable(),
  role: z.string().nullable(),
  notes: z.string().nullable(),
  photoCount: z.number().int(),
  /** The events of the photos they are in. */
  eventIds: z.array(z.number().int()),
});
export type Person = z.infer<typeof personSchema>;

const photoIds = ids(200_000);

export const peopleMethods = {
  'people.list': { input: none, output: z.array(personSchema) },
  'people.get': { input: z.object({ id }).strict(), output: personSchema },
  /** `organisation` names one by name, made if it is new (the CLI's --organisation). */
  'people.create': {
    input: personFieldsSchema.extend({ organisation: optionalText(300) }).strict(),
    output: personSchema,
  },
  'people.update': {
    input: z.object({ id, patch: personFieldsSchema.partial().strict() }).strict(),
    output: personSchema,
  },
  /** Deletes the person; their photos stay. */
  'people.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Tags people in photos, as one step of the edit history. */
  'people.tag': {
    input: z.object({ photoIds, personIds: ids(100) }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
  /** Untags them; someone a file names stays untagged through rescans. */
  'people.untag': {
    input: z.object({ photoIds, personIds: ids(100) }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
} as const;
