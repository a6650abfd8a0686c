/**
 * Two journals on one stage over OAI-PMH (issue 12, High 3): one repository per journal at
 * `/api/oai/<journal-id>` and the stage's at `/api/oai` with a set per journal (setSpec = the
 * journal id). Every response is validated against the OAI-PMH XSD; Identify's adminEmail is never
 * a placeholder. On main the endpoint served one journal and answered 500 once the records held two.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createOaiHttpHandler, repositoryFor, stageRepositoryFor, type OaiEndpoint, type OaiHttpSettings } from '#adapters/oai-http';
import { createLogger } from '#adapters/logger';
import { MemoryOaiSource } from '#adapters/oai-memory';
import type { Journal } from '#core/model/index';
import { stageSource } from '#core/oai/stage-source';
import type { OaiArticleRecord } from '#core/oai/source';
import { allRecords } from '#tests/core/oai/fixtures';
import { all, errorCodes, one, parseXml, text } from '#tests/core/oai/read';
import { validateXml } from '#tests/helpers/xsd';

// Prepare: Balcanica (the seed) and the fixture journal, moved onto Balcanica's site as journal `sbt`,
// whose issue is also called L-2019: the two journals' issue sets must not meet.
const records = allRecords();
const balcanica = records.find((r) => r.journal.id === 'balcanica')!.journal;
const fixtureJournal = records.find((r) => r.journal.id === 'testjournal')!.journal;
const sbt: Journal = { ...fixtureJournal, id: 'sbt', base_url: 'https://balcanica.rs', oai_admin_email: 'oai@sbt-journal.org' };
const recordsOf = (journal: Journal): OaiArticleRecord[] =>
  records.filter((r) => r.journal.id === (journal.id === 'sbt' ? 'testjournal' : journal.id)).map((r) => ({ ...r, journal, issue: journal.id === 'sbt' ? { ...r.issue, id: 'L-2019' } : r.issue }));

function sourceOf(journal: Journal, day: number): MemoryOaiSource {
  const source = new MemoryOaiSource();
  recordsOf(journal).forEach((record, n) => source.put({ changedAt: `2025-01-0${day}T10:0${n}:00.000Z`, deleted: false, record }));
  return source;
}
const journals = [
  { journal: balcanica, source: sourceOf(balcanica, 1) },
  { journal: sbt, source: sourceOf(sbt, 2) },
];

/** The stage's address (infra/config.ts oai.adminEmail); a journal's own `oai_admin_email` comes first. */
const settings: OaiHttpSettings = { adminEmails: ['oai@publisher.org'], tokenSecret: 'two-journals', siteBaseUrl: 'https://d111.cloudfront.net' };
const handler = createOaiHttpHandler({
  endpoint: (journalId): Promise<OaiEndpoint | undefined> => {
    if (journalId === undefined) return Promise.resolve({ repository: stageRepositoryFor(journals.map((j) => j.journal), settings), source: stageSource(journals) });
    const hit = journals.find((j) => j.journal.id === journalId);
    return Promise.resolve(hit && { repository: repositoryFor(hit.journal, settings), source: hit.source });
  },
  log: createLogger('oai-test', {}, 'error'),
  now: () => new Date('2025-03-01T12:00:00.000Z'),
});

const get = async (path: string, query: string) => {
  const event = { version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: query, headers: {}, isBase64Encoded: false, requestContext: { http: { method: 'GET', path } } } as unknown as APIGatewayProxyEventV2;
  const res = await handler(event);
  return { status: res.statusCode, xml: res.body ?? '' };
};

/** A 200 response valid against OAI-PMH.xsd, parsed. */
async function ask(path: string, query: string) {
  const res = await get(path, query);
  expect(res.status).toBe(200);
  expect(validateXml('oai', res.xml).errors).toEqual([]);
  return parseXml(res.xml);
}

const identifiers = (root: ReturnType<typeof parseXml>): string[] => all(root, 'header').map((h) => text(one(h, 'identifier')));
const dois = (journal: Journal): string[] => recordsOf(journal).map((r) => `oai:balcanica.rs:${r.article.doi}`);

describe('one OAI-PMH repository per journal', () => {
  it.each([
    ['balcanica', 'Balcanica', 'https://balcanica.rs/api/oai/balcanica', 'oai@publisher.org'],
    ['sbt', 'Studia Balcanica Testimonia', 'https://balcanica.rs/api/oai/sbt', 'oai@sbt-journal.org'],
  ])('/api/oai/%s identifies its own journal, base URL and a real admin address', async (id, title, baseUrl, email) => {
    // Act
    const root = await ask(`/api/oai/${id}`, 'verb=Identify');
    // Assess
    expect(text(one(root, 'repositoryName'))).toContain(title);
    expect(text(one(root, 'baseURL'))).toBe(baseUrl);
    const admins = all(root, 'adminEmail').map(text);
    expect(admins).toEqual([email]);
    expect(admins.join()).not.toContain('example.org');
  });

  it('lists only its own journal\'s records, and does not answer for the other\'s DOIs', async () => {
    // Act
    const a = await ask('/api/oai/balcanica', 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const b = await ask('/api/oai/sbt', 'verb=ListRecords&metadataPrefix=oai_dc');
    const foreign = await ask('/api/oai/balcanica', `verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(dois(sbt)[0]!)}`);
    // Assess
    expect(identifiers(a)).toEqual(dois(balcanica));
    expect(identifiers(b).sort()).toEqual(dois(sbt).sort());
    expect(errorCodes(foreign)).toEqual(['idDoesNotExist']);
  });

  it('answers 404 for a journal the stage does not hold, naming the stage repository', async () => {
    const res = await get('/api/oai/nosuch', 'verb=Identify');
    expect(res.status).toBe(404);
    expect(res.xml).toContain('/api/oai');
  });
});

describe('the stage repository at /api/oai', () => {
  it('has a set per journal (setSpec = the journal id) with each journal\'s issue sets below it', async () => {
    // Act
    const root = await ask('/api/oai', 'verb=ListSets');
    // Assess
    const specs = all(root, 'setSpec').map(text);
    expect(specs).toEqual(expect.arrayContaining(['balcanica', 'balcanica:issue:L-2019', 'sbt', 'sbt:issue:L-2019']));
    expect(new Set(specs).size).toBe(specs.length);
  });

  it('lists every journal\'s records once, in time order, each header naming its journal\'s sets', async () => {
    // Act
    const root = await ask('/api/oai', 'verb=ListRecords&metadataPrefix=oai_dc');
    // Assess
    expect(identifiers(root)).toEqual([...dois(balcanica), ...dois(sbt)]);
    for (const h of all(root, 'header')) {
      const id = text(one(h, 'identifier'));
      const journal = dois(balcanica).includes(id) ? 'balcanica' : 'sbt';
      expect(all(h, 'setSpec').map(text)).toContain(`${journal}:issue:L-2019`);
    }
  });

  it('selects one journal by its set, and one journal\'s issue by the set below it', async () => {
    // Act
    const bySbt = await ask('/api/oai', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=sbt');
    const byIssue = await ask('/api/oai', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=balcanica:issue:L-2019');
    const none = await ask('/api/oai', 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=nosuch');
    // Assess
    expect(identifiers(bySbt).sort()).toEqual(dois(sbt).sort());
    expect(identifiers(byIssue)).toEqual(dois(balcanica));
    expect(errorCodes(none)).toEqual(['noRecordsMatch']);
  });

  it('identifies as the stage on the journals\' origin, with the stage\'s address', async () => {
    // Act
    const root = await ask('/api/oai', 'verb=Identify');
    // Assess
    expect(text(one(root, 'baseURL'))).toBe('https://balcanica.rs/api/oai');
    expect(all(root, 'adminEmail').map(text)).toEqual(['oai@publisher.org']);
    expect(text(one(root, 'earliestDatestamp'))).toBe('2025-01-01T10:00:00Z');
  });

  it('pages through both journals with resumption tokens, every record exactly once', async () => {
    // Prepare: one record per page.
    const paged = createOaiHttpHandler({
      endpoint: () => Promise.resolve({ repository: { ...stageRepositoryFor(journals.map((j) => j.journal), settings), pageSize: { ListRecords: 1, ListIdentifiers: 1 } }, source: stageSource(journals) }),
      log: createLogger('oai-test', {}, 'error'),
      now: () => new Date('2025-03-01T12:00:00.000Z'),
    });
    const seen: string[] = [];
    let query = 'verb=ListIdentifiers&metadataPrefix=oai_dc';
    // Act
    for (let n = 0; n < 20; n += 1) {
      const res = await paged({ rawPath: '/api/oai', rawQueryString: query, headers: {}, requestContext: { http: { method: 'GET', path: '/api/oai' } } } as unknown as APIGatewayProxyEventV2);
      expect(validateXml('oai', res.body!).errors).toEqual([]);
      const root = parseXml(res.body!);
      seen.push(...identifiers(root));
      const token = all(root, 'resumptionToken')[0];
      if (token === undefined || text(token) === '') break;
      query = `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(text(token))}`;
    }
    // Assess
    expect(seen).toEqual([...dois(balcanica), ...dois(sbt)]);
  });
});
