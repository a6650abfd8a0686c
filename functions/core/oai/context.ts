/** What answering a request needs besides the request: the repository's settings, its records, the time. */
import type { MetadataFormat } from './formats.ts';
import type { OaiRecordSource } from './source.ts';
import type { PAGE_SIZE } from './vocab.ts';

export type OaiRepository = {
  /** Identify's repositoryName: the journal's title. */
  readonly name: string;
  /** Identify's baseURL and every `<request>`: the endpoint's public URL. */
  readonly baseUrl: string;
  /** The repository identifier in `oai:<domain>:<doi>`: the site's host name. */
  readonly domain: string;
  readonly adminEmails: readonly [string, ...string[]];
  /** Content encodings the endpoint offers (Identify `<compression>`), e.g. gzip. */
  readonly compression?: readonly string[] | undefined;
  readonly formats: readonly MetadataFormat[];
  readonly pageSize: { readonly [K in keyof typeof PAGE_SIZE]: number };
  /** The stage's repository (every journal): set specs start with the journal id (core/oai/sets.ts). */
  readonly stageWide?: boolean | undefined;
  /** Keys the resumption-token seal; may be empty (tokens carry nothing secret, see token.ts). */
  readonly tokenSecret: string;
};

export type OaiContext = {
  readonly repository: OaiRepository;
  readonly source: OaiRecordSource;
  /** The request's time (ISO 8601 instant): responseDate, and the snapshot of a new list. Core has no clock. */
  readonly now: string;
};
