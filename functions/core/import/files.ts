/**
 * Import results → YAML file texts and names, ready for a metadata folder: `journal.yaml`,
 * `issue.yaml` and one `<slug>.yaml` per article (numbered when an issue has several, because
 * the loader orders articles by file name). Pure: the command decides where and whether to write.
 */
import { Document, isMap, isScalar, type Node } from 'yaml';
import type { ArticleInput, IssueInput } from '#core/model/index';
import type { ImportResult } from './record.ts';

export type YamlFile = { readonly name: string; readonly text: string };
export type IssueFiles = { readonly folder: string; readonly journal: YamlFile; readonly issue: YamlFile; readonly articles: readonly YamlFile[] };

/** Latin letters without their accents, in lower case: `Đurić` → `duric`; other scripts are left as they are. */
export function foldLatin(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœøłđ]/gi, (c) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' })[c.toLowerCase()] ?? '')
    .toLowerCase();
}

/** ASCII slug of a name: `Petrović` → `petrovic`; empty when nothing Latin is left. */
export function slugify(value: string): string {
  return foldLatin(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** The article's file stem: its first contributor's family name, else its DOI suffix. */
function articleStem(article: ArticleInput): string {
  const c = article.contributors?.[0];
  const name = c ? (c.family_name ?? c.name ?? c.organization ?? '') : '';
  return slugify(name) || slugify(article.doi.slice(article.doi.indexOf('/') + 1)) || 'article';
}

/** File names for an issue's articles, unique and in source order. */
export function articleNames(articles: readonly ArticleInput[]): string[] {
  const width = String(articles.length).length < 2 ? 2 : String(articles.length).length;
  const used = new Set<string>();
  return articles.map((a, k) => {
    let stem = articles.length === 1 ? articleStem(a) : `a${String(k + 1).padStart(width, '0')}-${articleStem(a)}`;
    for (let n = 2; used.has(stem); n += 1) stem = `${articleStem(a)}-${n}`;
    used.add(stem);
    return `${stem}.yaml`;
  });
}

/** A folder name for an issue: `284-1855`, `L-2019`, `2020`. */
export function issueFolder(issue: IssueInput | undefined): string {
  if (!issue) return 'issue';
  const parts = [issue.volume, issue.number].filter((p) => p !== undefined).map((p) => slugify(String(p)));
  // An importer leaves `year` out when the source has none (the loader then asks for it): no `undefined` folder.
  if ((parts.length === 0 || !issue.volume) && issue.year !== undefined) parts.push(String(issue.year));
  return parts.filter((p) => p !== '').join('-') || 'issue';
}

/** Serialises one file, with a header comment and a comment on each marked field. */
function yamlText(value: unknown, header: string, marks: readonly Mark[] = []): string {
  const doc = new Document(value);
  doc.commentBefore = ` ${header}`;
  for (const mark of marks) {
    const node = doc.getIn(mark.path, true) as Node | undefined;
    if (node && (isScalar(node) || isMap(node))) node.comment = ` ${mark.comment}`;
  }
  return doc.toString({ lineWidth: 100, minContentWidth: 40 });
}

/** Words of the `placeholders` line for a prefix taken from a DOI template (assign-dois.ts writes it). */
export const DOI_TEMPLATE_MARK = 'from the DOI template';

type Mark = { readonly path: readonly string[]; readonly comment: string };

/** The journal.yaml fields that hold placeholders or derived values (from the result's `placeholders` list). */
const placeholderPaths = (placeholders: readonly string[]): Mark[] =>
  placeholders
    .map((p) => ({
      path: /^journal\.yaml ([\w.]+):/.exec(p)?.[1]?.split('.') ?? [],
      comment: p.includes(': placeholder ')
        ? 'PLACEHOLDER: not in the source; replace before publishing'
        : p.includes(DOI_TEMPLATE_MARK)
          ? 'CHECK: the prefix of the DOI template given to colophon import, not in the source'
          : 'CHECK: derived, not stated in the source',
    }))
    .filter((m) => m.path.length > 0);

/** The comment on a DOI the import assigned: it is not the source's, and nothing registered it yet. */
export const assignedComment = (template: string): string => `ASSIGNED by colophon import from the template ${template}: the source has no DOI`;

/** Every file of one result; `source` names the imported file in the header comments. */
export function issueFiles(result: ImportResult, source: string): IssueFiles {
  const header = `Imported from ${source} by colophon import; check every field against the source.`;
  const names = articleNames(result.articles);
  return {
    folder: issueFolder(result.issue),
    journal: { name: 'journal.yaml', text: yamlText(result.journal ?? {}, header, placeholderPaths(result.placeholders)) },
    issue: { name: 'issue.yaml', text: yamlText(result.issue ?? {}, header) },
    articles: result.articles.map((a, k) => {
      const assigned = result.assigned?.find((d) => d.index === k);
      return { name: names[k]!, text: yamlText(a, header, assigned ? [{ path: ['doi'], comment: assignedComment(assigned.template) }] : []) };
    }),
  };
}

/** Results of several files merged by issue (a folder of JATS files of one issue is one issue). */
export function mergeResults(results: readonly ImportResult[]): ImportResult[] {
  const byFolder = new Map<string, ImportResult>();
  for (const r of results) {
    const key = `${r.journal?.title ?? ''}\u0000${issueFolder(r.issue)}`;
    const hit = byFolder.get(key);
    if (!hit) byFolder.set(key, { ...r, articles: [...r.articles], unmapped: [...r.unmapped], placeholders: [...r.placeholders] });
    else {
      const offset = hit.articles.length;
      const moved = (r.withoutDoi ?? []).map((w) => ({ ...w, index: w.index + offset }));
      if (moved.length > 0) hit.withoutDoi = [...(hit.withoutDoi ?? []), ...moved];
      hit.articles.push(...r.articles);
      hit.unmapped.push(...r.unmapped.filter((u) => !hit.unmapped.includes(u)));
    }
  }
  return [...byFolder.values()];
}
