/**
 * `colophon status [<issue-dir>] [--stage local|dev|prod] [--json]`: what a stage has made of each
 * issue. Per article: its current version, whether that version is rendered (or why it failed),
 * its landing page URL, and its DOI's Crossref registration state from the deposit ledger (state,
 * when it changed, Crossref's message); per issue: the problems recorded when its metadata was
 * refused. Without a folder: every issue the records table knows. With one: that folder's issues,
 * including articles not published yet, and whether the published record is the one on disk.
 *
 * Exit codes: 0 nothing needs attention, 1 a render failed, problems are recorded or Crossref
 * refused a DOI, 2 wrong command line or the stage cannot be reached.
 */
import type { Command } from 'commander';
import { recordHash } from '#adapters/content-hash';
import type { DepositLedger } from '#adapters/deposit-ledger';
import { RecordCorruptError } from '#adapters/errors';
import { readMetadata } from '#adapters/metadata-fs';
import type { Head, IssueProblems, RecordsStore } from '#adapters/records';
import { STATE_MEANING, toRegister, type DepositState, type DoiLedgerEntry } from '#core/deposit/index';
import { formatProblem, listedOrder, loadJournal, plainText, type Article, type Journal, type JournalSources, type Problem } from '#core/model/index';
import { landingUrl } from '#core/urls';
import { issueFiles, withFiles } from './check.ts';
import type { Io } from './main.ts';
import { issueRegistration, type IssueRegistration } from './registration.ts';
import { galleyLine, galleyStatus, type GalleyStatus } from './status-files.ts';
import { sharedReads, type SharedReads } from './status-reads.ts';
import { resolveStage, stageFlags, stageOptions, stageUrl, withStage, type CliStage, type StageCliFlags, type StageFlags, type StageTarget } from './stage.ts';

export const STATUS_EXIT = { ok: 0, attention: 1, config: 2 } as const;

/** The render state of an article's current version, as staff read it. */
export type RenderView =
  | { readonly state: 'pending'; readonly version: number }
  | { readonly state: 'rendered'; readonly version: number; readonly at: string }
  | { readonly state: 'failed'; readonly version: number; readonly at: string; readonly reason: string; readonly attempt: number }
  /** Held until its online date (scheduled publication): the release publishes it then. */
  | { readonly state: 'scheduled'; readonly version: number; readonly for: string }
  | { readonly state: 'not published' };

/** A head's render state for its current version: an older version's result says nothing about this one. */
export function renderView(head: Pick<Head, 'version' | 'render' | 'scheduledFor'>): RenderView {
  const { render, version } = head;
  if (head.scheduledFor !== undefined) return { state: 'scheduled', version, for: head.scheduledFor };
  if (render.version !== version || render.status === 'pending') return { state: 'pending', version };
  if (render.status === 'done') return { state: 'rendered', version, at: render.at };
  return { state: 'failed', version, at: render.at, reason: render.reason, attempt: render.attempt };
}

export type CrossrefView = {
  /** The DOI's registration for the record as published (core/deposit/registration.ts), or `none` for an article not published on this stage. */
  readonly state: DepositState | 'none';
  /** Still to be sent to Crossref (`ready` or `stale`): what `colophon register` sends. */
  readonly due: boolean;
  readonly updatedAt?: string;
  readonly message?: string;
  readonly batchId?: string;
};

/** The view of one DOI: its state as `registrationState` reads it, with the ledger entry's time, message and batch. */
export function crossrefView(state: DepositState | 'none', entry: DoiLedgerEntry | undefined): CrossrefView {
  const due = state !== 'none' && toRegister(state);
  if (!entry) return { state, due };
  return { state, due, updatedAt: entry.updatedAt, ...(entry.message ? { message: entry.message } : {}), ...(entry.batchId ? { batchId: entry.batchId } : {}) };
}

export type ArticleStatus = {
  readonly doi: string;
  readonly articleId: string;
  /** The main title as published (as on disk for an article not published yet), plain text. */
  readonly title: string;
  readonly render: RenderView;
  /** The public landing page (the URL registered with Crossref). */
  readonly url: string;
  /** Where this stage serves it (the same as `url` when the stage is the journal's own site). */
  readonly stageUrl: string;
  readonly crossref: CrossrefView;
  /** With an issue folder: whether the published record is the one its file holds now. */
  readonly local?: 'same' | 'changed' | 'not published';
  /** Its galleys: published beside the landing page, and (with an issue folder) named by its file. */
  readonly galleys?: readonly GalleyStatus[];
};

export type IssueStatus = {
  readonly journalId: string;
  readonly issueId: string;
  /** When its content last changed, and in which batch. */
  readonly updatedAt?: string;
  readonly batchId?: string;
  /** The latest publish of it (changed or not), and its batch. */
  readonly publishedAt?: string;
  readonly publishedBatchId?: string;
  /** The issue's own DOI (its table of contents), deposited with its articles, and its registration. */
  readonly issueDoi?: { readonly doi: string; readonly crossref: CrossrefView };
  /** Why the last upload of this issue was refused; cleared by the next one that loads. */
  readonly problems?: { readonly batchId: string; readonly at: string; readonly problems: readonly Problem[] };
  /** Why its last Crossref deposit file did not validate (nothing was sent); cleared by the next that does. */
  readonly depositProblems?: { readonly batchId: string; readonly at: string; readonly problems: readonly Problem[] };
  readonly articles: readonly ArticleStatus[];
};

export type StatusReport = { readonly stage: CliStage; readonly source: string; readonly siteUrl: string; readonly issues: readonly IssueStatus[] };

/** One issue to look up: ids in the table, the folder id problems are filed under, and what is on disk. */
export type IssueSelection = {
  readonly journalId: string;
  /** The journal folder's name: ingest files problems under the manifest's journal, which is this. */
  readonly folderJournalId: string;
  readonly issueId: string;
  readonly local?: {
    readonly journal: Journal;
    readonly issueDoi?: string | undefined;
    readonly articles: readonly { readonly doi: string; readonly articleId: string; readonly hash: string; readonly title: string; readonly galleys: Article['galleys'] }[];
  };
};

/** The issues of a metadata folder as the table names them; metadata that does not load still names its issues. */
export function selectIssues(sources: readonly JournalSources[]): IssueSelection[] {
  return sources.flatMap((journal) => {
    const loaded = loadJournal(journal);
    if (!loaded.ok) return journal.issues.map((issue) => ({ journalId: journal.id, folderJournalId: journal.id, issueId: issue.id }));
    return loaded.bundles.map((loadedBundle) => {
      // The files its metadata names, as publish sends them: without them the hash would never match the stage's.
      const source = journal.issues.find((i) => i.id === loadedBundle.issue.id);
      const bundle = source === undefined ? loadedBundle : withFiles(loadedBundle, issueFiles(source).files);
      return {
        journalId: bundle.journal.id,
        folderJournalId: journal.id,
        issueId: bundle.issue.id,
        local: {
          journal: bundle.journal,
          issueDoi: bundle.issue.doi,
          articles: bundle.articles.map((article) => ({ doi: article.doi, articleId: article.id, hash: recordHash({ journal: bundle.journal, issue: bundle.issue, article }), title: plainText(article.titles[0].title), galleys: article.galleys })),
        },
      };
    });
  });
}

export async function everyIssue(records: Pick<RecordsStore, 'listJournals' | 'listIssues'>): Promise<IssueSelection[]> {
  const journals = await records.listJournals();
  const issues = await Promise.all(journals.map(({ journal }) => records.listIssues(journal.id)));
  return issues.flat().map(({ journal, issue }) => ({ journalId: journal.id, folderJournalId: journal.id, issueId: issue.id }));
}

const doiKey = (doi: string): string => doi.toLowerCase();

async function issueStatus(target: StageTarget, records: RecordsStore, ledger: DepositLedger, selection: IssueSelection): Promise<IssueStatus> {
  // The titles, the registration and the Crossref column read the same records and entries once.
  const shared = sharedReads(records, ledger);
  const [issue, heads, titleByDoi, problems, depositProblems] = await Promise.all([
    shared.records.getIssue(selection.journalId, selection.issueId),
    records.listIssueArticleMeta(selection.journalId, selection.issueId, { scheduled: true }),
    publishedTitles(shared.records, selection),
    records.getProblems(selection.folderJournalId, selection.issueId),
    // Deposit files them under the journal's id (its job names the records' journal), Ingest under the folder's.
    records.getProblems(selection.journalId, selection.issueId, 'deposit'),
  ]);
  const journal = issue?.journal ?? selection.local?.journal;
  const localByDoi = new Map((selection.local?.articles ?? []).map((a) => [doiKey(a.doi), a]));
  const headByDoi = new Map(heads.map((h) => [doiKey(h.doi), h]));
  const dois = [...new Set([...heads.map((h) => h.doi), ...(selection.local?.articles ?? []).map((a) => a.doi)])];
  const issueDoi = issue?.issue.doi ?? selection.local?.issueDoi;
  const lookup = issueDoi === undefined ? dois : [...dois, issueDoi];
  const [entries, registration] = await Promise.all([
    lookup.length > 0 ? shared.ledger.entries(lookup) : new Map<string, DoiLedgerEntry>(),
    issue ? publishedRegistration(shared, selection) : undefined,
  ]);
  const stateOf = new Map((registration?.dois ?? []).map((d) => [doiKey(d.doi), d.state]));
  // A DOI the stage holds no readable record of: the ledger's own state, or none when never sent.
  const viewOf = (doi: string): CrossrefView => {
    const entry = entries.get(doiKey(doi));
    return crossrefView(stateOf.get(doiKey(doi)) ?? entry?.state ?? 'none', entry);
  };
  const articles = dois.map((doi): ArticleStatus => {
    const head = headByDoi.get(doiKey(doi));
    const local = localByDoi.get(doiKey(doi));
    const url = journal ? landingUrl(journal, doi) : '';
    const galleys = galleyStatus(head, local);
    return {
      doi,
      articleId: head?.articleId ?? local?.articleId ?? '',
      title: titleByDoi.get(doiKey(doi)) ?? local?.title ?? '',
      render: head ? renderView(head) : { state: 'not published' },
      url,
      stageUrl: journal ? stageUrl(url, journal.base_url, target.siteUrl) : '',
      crossref: viewOf(doi),
      ...(local ? { local: !head ? 'not published' : head.hash === local.hash ? 'same' : 'changed' } : {}),
      ...(galleys.length > 0 ? { galleys } : {}),
    };
  });
  // The issue's order: the folder's (core/model/order.ts), else the order issue.yaml lists, else by file name.
  const order = selection.local?.articles.map((a) => a.articleId) ?? (issue ? listedOrder(issue.issue) : undefined) ?? [];
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  articles.sort((a, b) => rank(a.articleId) - rank(b.articleId) || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  return {
    journalId: selection.journalId,
    issueId: selection.issueId,
    ...(issue ? { updatedAt: issue.updatedAt, batchId: issue.batchId, publishedAt: issue.publishedAt, publishedBatchId: issue.publishedBatchId } : {}),
    ...(issueDoi === undefined ? {} : { issueDoi: { doi: issueDoi, crossref: viewOf(issueDoi) } }),
    ...(problems ? { problems: problemsOf(problems) } : {}),
    ...(depositProblems ? { depositProblems: problemsOf(depositProblems) } : {}),
    articles,
  };
}

/** The registration of the published issue; undefined when a record cannot be read (its render failure says why). */
async function publishedRegistration({ records, ledger }: SharedReads, selection: IssueSelection): Promise<IssueRegistration | undefined> {
  try {
    return await issueRegistration(records, ledger, selection.journalId, selection.issueId);
  } catch (error) {
    if (error instanceof RecordCorruptError) return undefined;
    throw error;
  }
}

/** The published titles by DOI; none when a record cannot be read (its render failure says why), so status still shows the rest. */
async function publishedTitles(records: SharedReads['records'], selection: IssueSelection): Promise<Map<string, string>> {
  try {
    const stored = await records.listIssueArticles(selection.journalId, selection.issueId);
    return new Map(stored.map((s) => [doiKey(s.meta.doi), plainText(s.record.article.titles[0].title)]));
  } catch (error) {
    if (error instanceof RecordCorruptError) return new Map();
    throw error;
  }
}

const problemsOf = (p: IssueProblems): NonNullable<IssueStatus['problems']> => ({ batchId: p.batchId, at: p.at, problems: p.problems });

/**
 * The issues a folder names (`undefined`: no folder, every issue the stage knows), or false when
 * the folder cannot be read (its problems are printed): `status` and `register` select the same way.
 */
export function readSelection(root: string | undefined, io: Pick<Io, 'err'>): IssueSelection[] | undefined | false {
  if (root === undefined) return undefined;
  const sources = readMetadata(root);
  if (sources.length > 0 && 'message' in sources[0]!) {
    for (const p of sources as Problem[]) io.err(`${formatProblem(p)}\n`);
    return false;
  }
  return selectIssues(sources as JournalSources[]);
}

/** Reads the status of the selected issues (every issue in the table when none is selected). */
export async function collectStatus(target: StageTarget, selection?: readonly IssueSelection[]): Promise<StatusReport> {
  // Imported here, with the SDK they use: commands that never read the table start faster.
  const [{ createRecordsStore }, { createDepositLedger }] = await Promise.all([import('#adapters/records'), import('#adapters/deposit-ledger')]);
  const records = createRecordsStore(target.documents, target.outputs.TableName);
  const ledger = createDepositLedger({ client: target.dynamodb, tableName: target.outputs.TableName });
  const issues = selection ?? (await everyIssue(records));
  return { stage: target.stage, source: target.source, siteUrl: target.siteUrl, issues: await Promise.all(issues.map((s) => issueStatus(target, records, ledger, s))) };
}

/** Whether anything in the report needs staff: a failed render, recorded problems, a DOI Crossref refused. */
export const needsAttention = (report: StatusReport): boolean =>
  report.issues.some((i) => i.problems !== undefined || i.depositProblems !== undefined || i.issueDoi?.crossref.state === 'failed' || i.articles.some((a) => a.render.state === 'failed' || a.crossref.state === 'failed'));

// ---- the table ----

/** `2026-11-28T06:38:59.123Z` → `2026-11-28 06:38:59Z`: a table cell, not a datestamp to parse (--json keeps ISO). */
export const shortTime = (iso: string | undefined): string => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

/** Left-aligned columns two spaces apart; the last column is not padded. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, k) => Math.max(w[k] ?? 0, [...cell].length)), []);
  return rows.map((row) => row.map((cell, k) => (k === row.length - 1 ? cell : cell.padEnd(widths[k]! + cell.length - [...cell].length))).join('  ').trimEnd());
}

/** One line of a message that may span many (a stack, Crossref's XML text). */
const oneLine = (text: string, max = 300): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function renderCell(render: RenderView): [state: string, since: string] {
  switch (render.state) {
    case 'rendered':
      return [`rendered v${render.version}`, shortTime(render.at)];
    case 'failed':
      return [`FAILED v${render.version}`, shortTime(render.at)];
    case 'pending':
      return [`pending v${render.version}`, ''];
    case 'scheduled':
      return [`scheduled for ${render.for.slice(0, 10)}`, ''];
    case 'not published':
      return ['not published', ''];
  }
}

/** The ledger's state name (core/deposit/registration.ts), `FAILED` in capitals as in the render column; `-` for an article not published. */
export function crossrefCell(crossref: CrossrefView): [state: string, since: string] {
  if (crossref.state === 'none') return ['-', ''];
  return [crossref.state === 'failed' ? 'FAILED' : crossref.state, shortTime(crossref.updatedAt)];
}

/** One line per Crossref state in the report that staff may act on, saying what it means and what to do. */
export function crossrefLegend(states: readonly (DepositState | 'none')[]): string[] {
  const shown = new Set(states);
  return (['ready', 'stale', 'submitted', 'warning', 'failed'] as const).filter((s) => shown.has(s)).map((s) => `  ${s === 'failed' ? 'FAILED' : s}: ${STATE_MEANING[s]}`);
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Titles are cut to keep one row per article on a terminal; --json has them whole. */
const TITLE_WIDTH = 40;
const shorten = (text: string, max: number): string => ([...text].length > max ? `${[...text].slice(0, max - 1).join('').trimEnd()}…` : text);

function issueHeading(issue: IssueStatus): string {
  const by = new Map<string, number>();
  for (const a of issue.articles) by.set(a.render.state, (by.get(a.render.state) ?? 0) + 1);
  const states = [...by].map(([state, n]) => `${n} ${state}`).join(', ');
  const changed = issue.batchId !== issue.publishedBatchId ? `, metadata last changed ${shortTime(issue.updatedAt)} (batch ${issue.batchId ?? '?'})` : '';
  const updated = issue.publishedAt ? `; published ${shortTime(issue.publishedAt)} (batch ${issue.publishedBatchId ?? '?'})${changed}` : '; not published on this stage';
  return `${issue.journalId}/${issue.issueId}: ${count(issue.articles.length, 'article')}${states ? ` (${states})` : ''}${updated}`;
}

/** The report as staff read it: per issue a heading, a table of articles, the details of failures, the problems. */
export function formatStatus(report: StatusReport): string[] {
  const lines = [`stage ${report.stage}: ${report.source}; site ${report.siteUrl}`];
  if (report.issues.length === 0) return [...lines, '', 'no issue published yet'];
  for (const issue of report.issues) {
    lines.push('', issueHeading(issue));
    if (issue.articles.length > 0) {
      const rows = [['DOI', 'TITLE', 'RENDER', 'SINCE', 'CROSSREF', 'SINCE', 'URL']];
      const details: string[] = [];
      for (const a of issue.articles) {
        const changed = a.local === 'changed' ? '*' : '';
        rows.push([`${a.doi}${changed}`, shorten(a.title, TITLE_WIDTH), ...renderCell(a.render), ...crossrefCell(a.crossref), a.render.state === 'not published' ? '' : a.stageUrl]);
        const files = a.galleys && galleyLine(a.galleys);
        if (files) details.push(`  ${a.doi}: ${files}`);
        if (a.render.state === 'failed') details.push(`  ${a.doi}: render failed (attempt ${a.render.attempt}): ${oneLine(a.render.reason)}`);
        if (a.crossref.message) details.push(`  ${a.doi}: Crossref (${a.crossref.state}): ${oneLine(a.crossref.message)}`);
      }
      lines.push(...alignColumns(rows).map((line) => `  ${line}`), ...details);
      if (issue.articles.some((a) => a.local === 'changed')) lines.push('  * the file on disk differs from what is published: run colophon publish');
    }
    if (issue.issueDoi) {
      const [state, since] = crossrefCell(issue.issueDoi.crossref);
      const { message } = issue.issueDoi.crossref;
      lines.push(`  issue DOI ${issue.issueDoi.doi}: Crossref ${state}${since ? ` since ${since}` : ''}${message ? `: ${oneLine(message)}` : ''}`);
    }
    lines.push(...crossrefLegend([...issue.articles.map((a) => a.crossref.state), ...(issue.issueDoi ? [issue.issueDoi.crossref.state] : [])]));
    for (const [what, recorded] of [['the upload', issue.problems], ['the Crossref deposit file', issue.depositProblems]] as const) {
      if (!recorded) continue;
      lines.push(`  ${what} of ${shortTime(recorded.at)} (batch ${recorded.batchId}) was refused, ${count(recorded.problems.length, 'problem')}:`);
      lines.push(...recorded.problems.map((p) => `    ${formatProblem(p)}`));
    }
  }
  return lines;
}

// ---- the command ----

export type StatusOptions = StageFlags & { readonly root?: string | undefined; readonly json?: boolean | undefined };
export type StatusDeps = { readonly resolve: (flags: StageFlags) => Promise<StageTarget> };

export async function runStatus(options: StatusOptions, io: Pick<Io, 'out' | 'err'>, deps: StatusDeps = { resolve: (flags) => resolveStage(flags) }): Promise<number> {
  const selection = readSelection(options.root, io);
  if (selection === false) return STATUS_EXIT.config;
  return withStage('status', () => deps.resolve(options), io, async (target) => {
    const report = await collectStatus(target, selection);
    io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatStatus(report).join('\n')}\n`);
    return needsAttention(report) ? STATUS_EXIT.attention : STATUS_EXIT.ok;
  });
}

/** Adds `colophon status` to the CLI. */
export function registerStatus(program: Command, io: Io, setExit: (code: number) => void, deps?: StatusDeps): Command {
  return stageOptions(
    program
      .command('status')
      .description("show each article's render state, URL and Crossref registration, and each issue's recorded problems")
      .argument('[issue-dir]', 'an issue folder (or a journal or metadata folder); default: every issue the stage knows'),
  )
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ colophon status                                   every issue on the local stand-in (npm start)\n' +
        '  $ colophon status metadata/balcanica/L-2019 --stage prod --json\n\n' +
        'Exit codes: 0 all good, 1 a render failed, problems are recorded or Crossref refused a DOI, 2 usage or stage unreachable.',
    )
    .action(async (root: string | undefined, flags: StageCliFlags & { json?: boolean }) => {
      setExit(await runStatus({ ...stageFlags(flags), ...(root === undefined ? {} : { root }), ...(flags.json ? { json: true } : {}) }, io, deps));
    });
}
