/**
 * CSL-JSON, the item format every CSL processor takes
 * (https://github.com/citation-style-language/schema/blob/v1.0.2/schemas/input/csl-data.json).
 * Only the variables Colophon fills are typed. Rich text in string variables uses the
 * "mini-HTML" citeproc-js reads (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html#html-like-formatting-tags).
 */

export type CslName = {
  readonly family?: string;
  readonly given?: string;
  readonly suffix?: string;
  /** An organisation, or any name that must not be split or initialised. */
  readonly literal?: string;
};

/** `date-parts` holds one date: [year], [year, month] or [year, month, day]. */
export type CslDate = { readonly 'date-parts': readonly [readonly number[]] };

export type CslItem = {
  readonly id: string;
  readonly type: 'article-journal';
  readonly title: string;
  readonly 'container-title': string;
  readonly 'container-title-short'?: string;
  readonly author?: readonly CslName[];
  readonly editor?: readonly CslName[];
  readonly translator?: readonly CslName[];
  readonly issued: CslDate;
  /** The date the article was first made available online. */
  readonly 'available-date'?: CslDate;
  readonly volume?: string;
  readonly issue?: string;
  readonly page?: string;
  readonly 'page-first'?: string;
  /** Article number (eLocator) for journals that do not page their articles; APA prints "Article e7". */
  readonly number?: string;
  readonly DOI: string;
  readonly URL: string;
  readonly ISSN?: string;
  readonly publisher: string;
  readonly 'publisher-place'?: string;
  readonly language: string;
  readonly abstract?: string;
  readonly keyword?: string;
  readonly license?: string;
};
