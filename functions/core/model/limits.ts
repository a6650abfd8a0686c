/**
 * Limits the stores and renderers have, kept in the model so that what `validate` accepts the
 * stage accepts too (issue 12, Medium 5): a file past one is refused with its file, field and line
 * before anything is uploaded, instead of failing in Ingest or overflowing a renderer's stack.
 */
import type { Issue } from './issue.ts';
import type { Journal } from './journal.ts';
import type { Article } from './resolved.ts';

export const MODEL_LIMITS = {
  /**
   * How deep inline markup may nest (`<i><b>…</b></i>` is 2). Five tags make at most five useful
   * levels; the renderers walk the tree recursively, so a deep one would overflow their stack.
   */
  inlineDepth: 10,
  /**
   * The largest article record, as UTF-8 JSON of journal, issue and article together (what the
   * records table stores twice: the version and the head). DynamoDB's item limit is 400 KB
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items),
   * attribute names and the head's keys, render and deposit state included: 48 KB are left for those.
   */
  recordBytes: 352 * 1024,
} as const;

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/** The size of the article's stored record (records-articles.ts writes `JSON.stringify({ journal, issue, article })`). */
export const recordBytes = (journal: Journal, issue: Issue, article: Article): number => utf8Bytes(JSON.stringify({ journal, issue, article }));

/** The article's largest fields, biggest first: where an oversized record can be trimmed. */
export function largestFields(raw: unknown): string[] {
  if (raw === null || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>)
    .map(([field, value]) => [field, utf8Bytes(JSON.stringify(value) ?? '')] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([field]) => field);
}

const kb = (bytes: number): string => `${Math.ceil(bytes / 1024)} KB`;

/** Why an article is too large to store, with what to do; undefined when it fits. */
export function recordSizeProblem(journal: Journal, issue: Issue, article: Article): { readonly message: string; readonly hint: string } | undefined {
  const size = recordBytes(journal, issue, article);
  if (size <= MODEL_LIMITS.recordBytes) return undefined;
  return {
    message: `the article is ${kb(size)} of metadata; the records store takes at most ${kb(MODEL_LIMITS.recordBytes)} per article`,
    hint: 'shorten the largest field (an abstract belongs in a few paragraphs; full text goes in a galley file), or split the references list',
  };
}
