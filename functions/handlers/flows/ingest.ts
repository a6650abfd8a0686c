/**
 * Ingest: one published issue from the inbox into the records table. The metadata is loaded
 * again with the core loader (the inbox is an edge: trust nothing uploaded); invalid metadata
 * leaves only its problems behind. Each article gets a new version only when the hash of its
 * normalised record changed, and a render job when its current version is not rendered yet
 * (so a retry after a crash half-way still renders everything, and unchanged articles cost nothing).
 * The files the metadata names (galleys) are checked before anything is written (ingest-files.ts):
 * one wrong file refuses the issue, like a wrong field.
 */
import { articleId, foreignNoticeRules, loadJournal, noticesOf, relationRules, type Article, type IssueBundle, type JournalSources, type Problem, type RuleProblem } from '#core/model/index';
import type { StoredCitations } from '#core/cite/index';
import { parseYaml } from '#core/model/yaml-source';
import { crossrefIssueRules } from '#core/crossref/rules';
import { recordHash } from '#adapters/content-hash';
import { readIssue } from '#adapters/inbox';
import type { Logger } from '#adapters/logger';
import type { ObjectStore } from '#adapters/object-store';
import type { QueueSender } from '#adapters/queue';
import type { ArticleRecord, Owner, RecordsStore, Stored } from '#adapters/records';
// From its own module, not the records store's index: this flow is bundled on its own (manifest.mjs) and must not carry a DynamoDB client.
import { mayWrite } from '#adapters/records-owner';
import type { RenderJob } from '../jobs.ts';
import { checkAttachedFiles } from './ingest-files.ts';
import { mapLimit } from './pool.ts';
import { nestedProblems } from './ingest-doi-paths.ts';
import type { DoiPaths } from '#adapters/doi-paths';
import { heldUntil } from '#core/publish/schedule';

export type IngestDeps = {
  readonly records: RecordsStore;
  readonly inbox: ObjectStore;
  readonly renderQueue: QueueSender<RenderJob>;
  readonly log: Logger;
  readonly now: () => Date;
  /** The largest galley the stage takes, in bytes (`GALLEY_MAX_BYTES`). */
  readonly maxFileBytes: number;
  /** The stage-wide check of DOIs nested inside other journals' DOIs (adapters/doi-paths.ts); absent: not checked. */
  readonly doiPaths?: DoiPaths;
  /**
   * How to Cite of an article, rendered once here to be kept with each new version, so that Render
   * never runs citeproc for it (core/landing/citations.ts); absent: none kept, Render renders them.
   */
  readonly citations?: (bundle: IssueBundle, article: Article) => StoredCitations | Promise<StoredCitations>;
};

export type IngestSummary =
  | { readonly status: 'refused'; readonly manifestKey: string; readonly reason: string }
  | { readonly status: 'invalid'; readonly manifestKey: string; readonly journalId: string; readonly issueId: string; readonly problems: number }
  | { readonly status: 'published'; readonly manifestKey: string; readonly journalId: string; readonly issueId: string; readonly created: number; readonly unchanged: number; readonly queued: number };

/** Parallel article writes: enough to hide DynamoDB latency, few enough to stay clear of throttling. */
const ARTICLE_CONCURRENCY = 8;

export async function ingestManifest(deps: IngestDeps, manifestKey: string): Promise<IngestSummary> {
  const read = await readIssue(deps.inbox, manifestKey);
  if (!read.ok) {
    deps.log.error('manifest refused', { manifestKey, reason: read.reason });
    return { status: 'refused', manifestKey, reason: read.reason };
  }
  const { manifest, sources } = read;
  const now = deps.now().toISOString();
  const log = deps.log.child({ batchId: manifest.batchId, journalId: manifest.journal, issueId: manifest.issue });
  const refuse = async (problems: Problem[], reason?: string): Promise<IngestSummary> => {
    await deps.records.putProblems({ journalId: manifest.journal, issueId: manifest.issue, batchId: manifest.batchId, at: now, problems });
    log.warn('metadata refused', { problems: problems.length, ...(reason ? { reason } : {}) });
    return { status: 'invalid', manifestKey, journalId: manifest.journal, issueId: manifest.issue, problems: problems.length };
  };
  // The same rules as `colophon validate` (Crossref's among them: a correction or withdrawal
  // needs the journal's Crossmark policy), so an upload that skipped the CLI is held to them too.
  const loaded = loadJournal(sources, { rules: [crossrefIssueRules] });
  if (!loaded.ok) return refuse(loaded.problems);
  const loadedBundle = loaded.bundles[0];
  if (loaded.bundles.length !== 1 || loadedBundle === undefined) throw new RangeError(`a manifest holds one issue; the loader returned ${loaded.bundles.length}`);
  // The file each article came from, by article id (the bundle is in the issue's order, not the files').
  const paths = new Map((sources.issues[0]?.articles ?? []).map((a) => [articleId(a.path), a.path]));
  const at = { batchId: manifest.batchId, now };
  // One read for every head instead of one per article; putVersion reads again only after a lost race.
  const heads = await deps.records.getHeads(loadedBundle.articles.map((a) => a.doi));
  // Before anything is written, every reason to refuse the issue, all reported at once: a DOI another
  // issue or journal owns, a file that is not what the metadata says, a relation to an unknown
  // DOI of the journal's own prefix (it must name an article the records table or this issue holds).
  const taken = ownershipProblems(loadedBundle, paths, (doi) => heads.get(doi.toLowerCase())?.meta);
  const storedIssue = loadedBundle.issue.cover === undefined ? undefined : (await deps.records.getIssue(loadedBundle.journal.id, loadedBundle.issue.id))?.issue;
  const files = await checkAttachedFiles({ inbox: deps.inbox, maxBytes: deps.maxFileBytes }, manifest, sources, loadedBundle, heads, storedIssue);
  const targets = await deps.records.getHeads(loadedBundle.articles.flatMap((a) => a.relations.map((r) => r.doi)));
  const unknown = [
    ...relationRules(loadedBundle, (doi) => targets.has(doi.toLowerCase())),
    // A notice may only update its own journal's articles: another journal's page is not this issue's to change.
    ...foreignNoticeRules(loadedBundle, (doi) => targets.get(doi.toLowerCase())?.meta.journalId),
  ].map((rule) => locate(sources, loadedBundle, rule));
  const refused = [...taken, ...(files.ok ? [] : files.problems), ...unknown];
  if (refused.length > 0 || !files.ok) return refuse(refused, taken.length > 0 ? 'DOI owned by another issue' : undefined);
  // Last, as it claims this issue's nested DOIs (taken back when it refuses): a DOI inside another journal's DOI folder, or holding one.
  const nested = deps.doiPaths ? await nestedProblems(deps.doiPaths, deps.records, loadedBundle, paths, heads) : [];
  if (nested.length > 0) return refuse(nested, 'DOI nested in another issue\'s DOI');
  const bundle = files.bundle;
  // An article whose online date is still to come is held until then, unless staff publish early on purpose.
  // An article already live stays live: a later date on it is a correction of its record, not a withdrawal.
  const live = (doi: string): boolean => ((head) => head !== undefined && head.meta.scheduledFor === undefined)(heads.get(doi.toLowerCase()));
  const held = new Map(manifest.publishEarly === true ? [] : bundle.articles.flatMap((a) => ((until) => (until === undefined || live(a.doi) ? [] : [[a.doi, until] as const]))(heldUntil(a, now))));
  const summary = await storeBundle(deps, bundle, heads, { ...at, held });
  if (summary.owned.length > 0) {
    // Lost to a concurrent publish of another issue between the check and the write (the write's condition held).
    const problems = ownershipProblems(bundle, paths, (doi) => summary.owned.find((o) => o.doi.toLowerCase() === doi.toLowerCase())?.owner);
    return refuse(problems, 'DOI owned by another issue');
  }
  await deps.records.clearProblems(bundle.journal.id, bundle.issue.id);
  const { created, unchanged, queued } = summary;
  log.info('issue ingested', { created, unchanged, queued });
  return { status: 'published', manifestKey, journalId: bundle.journal.id, issueId: bundle.issue.id, created, unchanged, queued };
}

/** One problem per article whose DOI another issue or journal owns, saying what to do. */
export function ownershipProblems(bundle: IssueBundle, files: ReadonlyMap<string, string>, ownerOf: (doi: string) => (Owner & { readonly articleId?: string; readonly moveTo?: Owner | undefined }) | undefined): Problem[] {
  const here: Owner = { journalId: bundle.journal.id, issueId: bundle.issue.id };
  return bundle.articles.flatMap((article): Problem[] => {
    const owner = ownerOf(article.doi);
    if (owner === undefined || mayWrite(owner, here)) return [];
    return [
      {
        file: files.get(article.id) ?? `${article.id}.yaml`,
        path: ['doi'],
        message: `DOI ${article.doi} is already published in ${owner.journalId}/${owner.issueId}${owner.articleId ? ` (article ${owner.articleId})` : ''}; this issue was not published`,
        hint: `DOIs are permanent: give this article its own DOI, or, if it really moves to this issue, run colophon move ${article.doi} --to <this issue's folder> and publish again`,
      },
    ];
  });
}

type StoreOutcome = { created: number; unchanged: number; queued: number; owned: { doi: string; owner: Owner & { articleId: string } }[] };

async function storeBundle(deps: IngestDeps, bundle: IssueBundle, heads: ReadonlyMap<string, Stored>, at: { batchId: string; now: string; held: ReadonlyMap<string, string> }): Promise<StoreOutcome> {
  const { journal, issue } = bundle;
  await deps.records.putJournal(journal, recordHash(journal), at.now);
  await deps.records.putIssue(journal, issue, recordHash({ journal, issue }), at);
  const outcomes = await mapLimit(bundle.articles, ARTICLE_CONCURRENCY, async (article) => {
    const record: ArticleRecord = { journal, issue, article };
    const head = heads.get(article.doi.toLowerCase());
    const until = at.held.get(article.doi);
    const hash = recordHash(record);
    // Rendered only for a version about to be written: an unchanged article keeps its version and citations.
    const citations = head?.meta.hash === hash ? undefined : await citationsOf(deps, bundle, article);
    const result = await deps.records.putVersion(record, hash, at, { head }, until, citations);
    if (result.outcome === 'owned') return { created: false, first: false, owned: { doi: article.doi, owner: result.owner }, job: undefined };
    if (until !== undefined) return { created: result.outcome === 'created', first: result.first, owned: undefined, job: undefined };
    // Held before, due now (its date came, or staff publish early): released as it stands.
    if (result.outcome === 'unchanged' && head?.meta.scheduledFor !== undefined) await deps.records.releaseHead(head.meta, at.now);
    const rendered = result.outcome === 'unchanged' && result.render.status === 'done' && result.render.version === result.version;
    return { created: result.outcome === 'created', first: result.first, owned: undefined, job: rendered ? undefined : { doi: article.doi, version: result.version } };
  });
  // The journal's article count (OAI-PMH's completeListSize): this batch's new articles, retries included (records-counter.ts).
  await deps.records.countFirstPublished(journal.id, at.batchId, outcomes.filter((o) => o.first).length);
  const jobs: RenderJob[] = outcomes.flatMap((o) => (o.job ? [o.job] : []));
  // A notice held until its date updates the other article's page only once it is out.
  jobs.push(...(await storeNotices(deps, bundle, heads, outcomes.map((o, k) => o.created && !at.held.has(bundle.articles[k]!.doi)), jobs)));
  await deps.renderQueue.send(jobs);
  const created = outcomes.filter((o) => o.created).length;
  const owned = outcomes.flatMap((o) => (o.owned ? [o.owned] : []));
  return { created, unchanged: outcomes.length - created - owned.length, queued: jobs.length, owned };
}

/**
 * The article's citations to keep with its new version; none when citeproc fails on it (a bug):
 * Render then renders them itself and reports the failure with the article, as it did before
 * citations were kept, instead of one article's citation refusing its whole issue here.
 */
async function citationsOf(deps: IngestDeps, bundle: IssueBundle, article: Article): Promise<StoredCitations | undefined> {
  if (deps.citations === undefined) return undefined;
  try {
    return await deps.citations(bundle, article);
  } catch (error) {
    deps.log.warn('citations not kept with the version; Render will render them', { doi: article.doi, error });
    return undefined;
  }
}

/** A rule problem (the article's index in the bundle) in its source file, with line and column. */
function locate(sources: JournalSources, bundle: IssueBundle, rule: RuleProblem): Problem {
  const source = typeof rule.where === 'number' ? sources.issues[0]?.articles.find((a) => articleId(a.path) === bundle.articles[rule.where as number]?.id) : undefined;
  const file = source ?? sources.issues[0]!.issue;
  const yaml = parseYaml(file);
  return { file: file.path, path: rule.path, message: rule.message, ...(rule.hint ? { hint: rule.hint } : {}), ...(yaml.ok ? yaml.locate(rule.path) : {}) };
}

/**
 * Records each notice (correction, retraction, expression of concern) beside the article it
 * updates, retires the ones a changed notice no longer makes, and asks for the updated articles
 * to be rendered again when a notice is new or changed: their pages show it. Returns those jobs.
 */
async function storeNotices(deps: IngestDeps, bundle: IssueBundle, before: ReadonlyMap<string, Stored>, created: readonly boolean[], queued: readonly RenderJob[]): Promise<RenderJob[]> {
  const changed = bundle.articles.filter((_, k) => created[k]);
  const made = changed.flatMap(noticesOf);
  const dropped = changed.flatMap((a) => {
    const previous = before.get(a.doi.toLowerCase())?.record.article;
    const now = new Set(noticesOf(a).map((n) => n.target));
    return previous === undefined ? [] : noticesOf(previous).filter((n) => !now.has(n.target));
  });
  if (made.length === 0 && dropped.length === 0) return [];
  for (const { target, notice } of made) await deps.records.putNotice(target, notice);
  for (const { target, notice } of dropped) await deps.records.putNotice(target, notice, false);
  const updated = await deps.records.getHeads([...made, ...dropped].map((n) => n.target));
  const already = new Set(queued.map((j) => j.doi.toLowerCase()));
  return [...updated.values()].filter((h) => !already.has(h.meta.doi.toLowerCase())).map((h) => ({ doi: h.meta.doi, version: h.meta.version, refresh: true as const }));
}
