/**
 * Every corpus record the importers can turn into an article, as loaded issue bundles: each
 * corpus file imported on its own (DOI-less records get the round trip's template DOI), written
 * as YAML and loaded by the real loader, as `colophon import` then `publish` would. Files or
 * issues that do not load are left out (tests/import/roundtrip.test.ts reports them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueFiles } from '#core/import/files';
import { assignDois, importMetadata, parseDoiTemplate } from '#core/import/index';
import { loadJournal, type IssueBundle } from '#core/model/index';
import { CORPUS_DOI_TEMPLATE, corpusEntries } from '#tests/import/roundtrip';
import { corpusDir } from './shared.ts';

export type CorpusBundle = { readonly file: string; readonly bundle: IssueBundle };

export function corpusBundles(): CorpusBundle[] {
  const template = parseDoiTemplate(CORPUS_DOI_TEMPLATE);
  if (!template.ok) throw new Error(template.problem);
  const out: CorpusBundle[] = [];
  for (const entry of corpusEntries()) {
    const imported = importMetadata(entry.format, readFileSync(join(corpusDir(), entry.path), 'utf8'), { keepWithoutDoi: true });
    if (!imported.ok) continue;
    const assigned = assignDois(imported.results, template.template, { journal: 'corpus' });
    if (!assigned.ok) continue;
    for (const result of assigned.results) {
      const files = issueFiles(result, entry.path);
      const loaded = loadJournal({
        id: 'imported',
        journal: { path: 'journal.yaml', text: files.journal.text },
        issues: [{ id: files.folder, issue: { path: 'issue.yaml', text: files.issue.text }, articles: files.articles.map((a) => ({ path: a.name, text: a.text })) }],
      });
      if (loaded.ok) for (const bundle of loaded.bundles) out.push({ file: entry.path, bundle });
    }
  }
  return out;
}
