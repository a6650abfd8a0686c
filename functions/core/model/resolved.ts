/**
 * The normalised model every renderer takes: one issue with its journal and its articles,
 * with every default resolved (language, licence, publication dates, section titles).
 */
import type { Classification } from './classifications.ts';
import type { Contributor } from './contributors.ts';
import type { PartialDate } from './dates.ts';
import type { Funding } from './funding.ts';
import type { Galley } from './galleys.ts';
import type { Issue, PublicationDates } from './issue.ts';
import type { Journal } from './journal.ts';
import type { License } from './license.ts';
import type { InlineText } from './markup.ts';
import type { ReferenceParts } from './references.ts';
import type { Notice, Relation } from './relations.ts';
import type { Withdrawal } from './withdrawal.ts';

export type Title = { readonly lang: string; readonly title: InlineText; readonly subtitle?: InlineText | undefined };
export type Abstract = { readonly lang: string; readonly paragraphs: readonly InlineText[] };
export type KeywordGroup = { readonly lang: string; readonly terms: readonly string[] };
/** A reference with its stable id (`ref1`, …), its type (stated or inferred) and the parts known. */
export type ResolvedReference = ReferenceParts & { readonly id: string };
export type Section = { readonly id: string; readonly title: string };

export type Article = {
  /** The file name without `.yaml`: stable within the issue. */
  readonly id: string;
  readonly doi: string;
  readonly language: string;
  readonly section?: Section | undefined;
  /** The main title first (in `language`), then translated titles. */
  readonly titles: readonly [Title, ...Title[]];
  readonly contributors: readonly Contributor[];
  readonly abstracts: readonly Abstract[];
  readonly keywords: readonly KeywordGroup[];
  /** Terms from schemes other than the authors' keywords (classifications.ts). */
  readonly classifications: readonly Classification[];
  readonly pages?: { readonly first: string; readonly last?: string | undefined } | undefined;
  readonly article_number?: string | undefined;
  readonly dates: {
    readonly received?: PartialDate | undefined;
    readonly accepted?: PartialDate | undefined;
    readonly published: PublicationDates;
  };
  readonly license?: License | undefined;
  /** Free to read without charge (ALI), the article's own statement or the journal's. */
  readonly free_to_read: boolean;
  readonly funding: readonly Funding[];
  readonly references: readonly ResolvedReference[];
  readonly galleys: readonly Galley[];
  readonly relations: readonly Relation[];
  /**
   * Notices that correct, retract or express concern about this article: not in its own file, but
   * known from the notices' relations (the journal folder for the CLI, the records table for Render).
   */
  readonly updatedBy?: readonly Notice[] | undefined;
  /** Withdrawn (withdrawal.ts): its page is a notice, OAI-PMH a deleted record, the sitemap without it. */
  readonly withdrawn?: Withdrawal | undefined;
};

export type IssueBundle = {
  readonly journal: Journal;
  readonly issue: Issue;
  readonly articles: readonly Article[];
};
