/**
 * The galley files the synthetic catalogue names (bench/synthetic.ts): a small PDF per galley
 * given by path, made on the fly, so the pipeline bench publishes them as `colophon publish`
 * would (uploaded by content, checked by Ingest, copied by Render).
 */
import { parse } from 'yaml';
import { sha256 } from '#adapters/content-hash';
import type { AttachedUpload } from '#adapters/inbox';
import type { JournalSources } from '#core/model/index';
import { samplePdf } from '../scripts/sample-files.ts';

export function syntheticFiles(issue: JournalSources['issues'][number]): AttachedUpload[] {
  return issue.articles.flatMap((source) => {
    const { galleys, title } = parse(source.text) as { galleys?: { path?: string }[]; title?: string };
    return (galleys ?? []).flatMap((g) => {
      if (g.path === undefined) return [];
      const bytes = samplePdf(String(title ?? g.path), [`${source.path} / ${g.path}`]);
      return [{ owner: source.path, name: g.path, sha256: sha256(bytes), size: bytes.length, read: () => bytes }];
    });
  });
}
