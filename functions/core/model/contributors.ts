/** Contributors: people (given and family names, or one name) and organisations. */
import * as z from 'zod';
import { country, email, orcid, ror, text } from './primitives.ts';

export const affiliation = z.strictObject({
  name: text.meta({ description: 'The institution\'s name as the author gives it.', examples: ['Institute for Balkan Studies, SASA'] }),
  ror: ror.optional().meta({ description: 'The institution\'s ROR id, bare or as a URL; its check digits are verified.', examples: ['https://ror.org/05kgm8x47'] }),
  country: country.optional().meta({ description: 'ISO 3166-1 two-letter country code of the institution.', examples: ['RS'] }),
});

export const CONTRIBUTOR_ROLES = ['author', 'editor', 'translator'] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];
export type Affiliation = z.output<typeof affiliation>;

type Common = {
  readonly role: ContributorRole;
  readonly affiliations: readonly Affiliation[];
  /** Kept for staff and Crossref correspondence; never rendered into any public output. */
  readonly email?: string;
  readonly corresponding: boolean;
};
export type Person = Common & {
  readonly kind: 'person';
  readonly surname: string;
  readonly given_names?: string;
  readonly suffix?: string;
  readonly orcid?: string;
};
export type Organization = Common & { readonly kind: 'organization'; readonly name: string };
export type Contributor = Person | Organization;

/**
 * One flat object in the file (so editors get one completion list and errors name one key);
 * `organization` makes it an organisation, otherwise it is a person.
 */
export const contributor = z
  .strictObject({
    given_name: text.optional().meta({ description: 'A person\'s given name(s); give family_name too.', examples: ['Jelena'] }),
    family_name: text.optional().meta({ description: 'A person\'s family name (surname); required for a person unless name is given.', examples: ['Petrović'] }),
    /** One name only (mononym); rendered as the surname. */
    name: text.optional().meta({ description: 'A person with one name only (mononym), instead of given_name and family_name; not for organisations (use organization).', examples: ['Ardita'] }),
    suffix: text.optional().meta({ description: 'Name suffix such as Jr. or III.', examples: ['Jr.'] }),
    orcid: orcid.optional().meta({ description: 'The person\'s ORCID iD, bare or as a URL (both are kept as https://orcid.org/…); its checksum is verified, and one iD belongs to one person across the journal.', examples: ['0000-0002-1825-0097', 'https://orcid.org/0000-0002-1825-0097'] }),
    organization: text.optional().meta({ description: 'A group or institution credited as an author (a corporate author), instead of a person\'s names.', examples: ['Balkan Archives Working Group'] }),
    role: z.enum(CONTRIBUTOR_ROLES).default('author').meta({ description: 'What the contributor did: author (default), editor or translator.', examples: ['translator'] }),
    affiliations: z.array(affiliation).default([]).meta({ description: 'Institutions the contributor belongs to (at most 5 go to Crossref).' }),
    email: email.optional().meta({ description: 'Kept for staff and correspondence only; never published anywhere.', examples: ['jelena.petrovic@example.org'] }),
    corresponding: z.boolean().default(false).meta({ description: 'true for the corresponding author.', examples: [true] }),
  })
  .superRefine((v, ctx) => {
    const personKeys = (['given_name', 'family_name', 'name', 'suffix', 'orcid'] as const).filter((k) => v[k] !== undefined);
    if (v.organization !== undefined) {
      for (const key of personKeys) {
        ctx.addIssue({ code: 'custom', message: `an organization has no ${key}; list the people as separate contributors`, path: [key] });
      }
      return;
    }
    if (v.name !== undefined && (v.given_name !== undefined || v.family_name !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give either name (one name only) or given_name and family_name, not both', path: ['name'] });
    }
    if (v.name === undefined && v.family_name === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a person needs family_name (or name for a single name, or organization)', path: ['family_name'] });
    }
  })
  .transform((v): Contributor => {
    const common = {
      role: v.role,
      affiliations: v.affiliations,
      corresponding: v.corresponding,
      ...(v.email === undefined ? {} : { email: v.email }),
    };
    if (v.organization !== undefined) return { kind: 'organization', name: v.organization, ...common };
    return {
      kind: 'person',
      surname: (v.family_name ?? v.name)!,
      ...(v.given_name === undefined ? {} : { given_names: v.given_name }),
      ...(v.suffix === undefined ? {} : { suffix: v.suffix }),
      ...(v.orcid === undefined ? {} : { orcid: v.orcid }),
      ...common,
    };
  });
