/** Contributors: people (given and family names, or one name) and organisations. */
import { z } from 'zod';
import { country, email, orcid, ror, text } from './primitives.ts';

export const affiliation = z.strictObject({
  name: text,
  ror: ror.optional(),
  country: country.optional(),
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
    given_name: text.optional(),
    family_name: text.optional(),
    /** One name only (mononym); rendered as the surname. */
    name: text.optional(),
    suffix: text.optional(),
    orcid: orcid.optional(),
    organization: text.optional(),
    role: z.enum(CONTRIBUTOR_ROLES).default('author'),
    affiliations: z.array(affiliation).default([]),
    email: email.optional(),
    corresponding: z.boolean().default(false),
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
