/**
 * What every importer produces per source record, before records are grouped into issues:
 * the article file as written, and what the record says of its journal and issue.
 */
import type { ArticleInput, IssueInput, JournalInput } from '#core/model/index';
import type { Notes } from './notes.ts';

export type ContributorInput = NonNullable<ArticleInput['contributors']>[number];
export type ReferenceInput = NonNullable<ArticleInput['references']>[number];
export type FundingInput = NonNullable<ArticleInput['funding']>[number];
export type RelationInput = NonNullable<ArticleInput['relations']>[number];
export type LicenseInput = NonNullable<ArticleInput['license']>;

/** Journal facts a record carries; whatever is missing becomes a marked placeholder in journal.yaml. */
export type JournalFacts = {
  title?: string;
  abbrev_title?: string;
  issn: { print?: string; electronic?: string };
  /** The journal's own language, where the source states one. */
  language?: string;
  publisher?: { name: string; place?: string };
  depositor?: { name: string; email: string };
  registrant?: string;
};

export type IssueFacts = {
  volume?: string;
  number?: string;
  title?: string;
  doi?: string;
  /** Issue publication dates (`YYYY[-MM[-DD]]`) where the source dates the issue itself. */
  published: { print?: string; online?: string };
  /** The issue's year where the source gives one apart from its dates (OJS, JATS collection date). */
  year?: number;
  sections?: { id: string; title: string }[];
};

export type SourceRecord = {
  readonly journal: JournalFacts;
  readonly issue: IssueFacts;
  readonly article: ArticleInput;
  /** Notes about this record only (already prefixed with its DOI or title). */
  readonly notes: Notes;
  /** Set when the source has no DOI and the import keeps the article for a DOI to be assigned (`article.doi` is then empty). */
  readonly withoutDoi?: { readonly label: string; readonly id?: string };
};

/** An article of a result whose source has no DOI (its `doi` is empty until `assignDois` fills it in). */
export type ArticleWithoutDoi = { readonly index: number; readonly label: string; readonly id?: string };

/** A DOI the import made from a template, not taken from the source. */
export type AssignedDoi = { readonly index: number; readonly doi: string; readonly template: string; readonly label: string };

/** One issue folder's worth of files, as the YAML file shapes (see model/{journal,issue,article}.ts). */
export type ImportResult = {
  journal?: JournalInput;
  issue?: IssueInput;
  articles: ArticleInput[];
  /** Everything the source holds that the model cannot, or that was changed to fit it. */
  unmapped: string[];
  /** journal.yaml fields filled with marked placeholders because the source has nothing for them. */
  placeholders: string[];
  /** Articles kept without a DOI (import option `keepWithoutDoi`), by index into `articles`. */
  withoutDoi?: ArticleWithoutDoi[];
  /** DOIs given by `assignDois`, by index into `articles`. */
  assigned?: AssignedDoi[];
};

/** How an import treats articles whose source has no DOI: skipped (noted) unless kept for `assignDois`. */
export type ImportOptions = { readonly keepWithoutDoi?: boolean };

export type ImportOutcome = { readonly ok: true; readonly results: ImportResult[] } | { readonly ok: false; readonly error: string };
