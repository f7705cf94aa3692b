/** The roles an organisation has in a project; without the schema library, for the renderer. */
export const partnerRoles = ['lead', 'partner', 'associate'] as const;
export type PartnerRole = (typeof partnerRoles)[number];
