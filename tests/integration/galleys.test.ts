/**
 * Galleys through the pipeline on the local stack: `publish` uploads each galley with its issue
 * (once: by content), Ingest checks it, Render puts it beside the landing page with its
 * Content-Type, and every link to it (page, issue page, Highwire, JATS, Crossref) answers 200.
 * A changed galley replaces the published one; a galley that is not what it claims refuses its issue.
 * (Issue 11, item 1: on main the PDF was never uploaded, and each of these links answered 404.)
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Uploaded } from '#adapters/inbox';
import { readMetadata } from '#adapters/metadata-fs';
import type { JournalSources } from '#core/model/index';
import { filesOfIssue, publishSources } from '#infra/local/publish';
import { samplePdf } from '../../scripts/sample-files.ts';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { removeTempDirs, tempDir } from '#tests/cli/run';
import { FIXTURE_DIR, fixtureSources } from './fixtures.ts';
import { siteKeys, siteSnapshot, siteText, tableItems } from './inspect.ts';

const DOI = '10.5555/sbt.2024.001';
const PDF_KEY = `doi/${DOI}/a01-petrovic.pdf`;
const BASE = 'https://journal.example.org/sbt';
const PDF_FILE = join(FIXTURE_DIR, '2024-12-3/a01-petrovic.pdf');

let stage: TestStage;
const sent: Uploaded[] = [];
beforeAll(async () => {
  stage = await startTestStage();
  await publishSources(stage.stack, fixtureSources(), { onUploaded: (s) => sent.push(s) });
  await stage.stack.drain();
});
afterAll(async () => {
  await stage.stop();
  removeTempDirs();
});

/** Where the stage serves a public URL of the fixture journal. */
const onStage = (url: string): string => (url.startsWith(BASE) ? `${stage.stack.siteUrl}${url.slice(BASE.length)}` : url);
const attribute = (html: string, pattern: RegExp): string[] => [...html.matchAll(pattern)].map((m) => m[1]!.replaceAll('&amp;', '&'));

/** A tree of the fixture with the first article's PDF replaced by `bytes`. */
function fixtureWithPdf(bytes: Uint8Array): JournalSources[] {
  const dir = join(tempDir(), 'testjournal');
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, '2024-12-3/a01-petrovic.pdf'), bytes);
  return readMetadata(dir) as JournalSources[];
}

describe('a published galley', () => {
  it('was uploaded with its issue and sits beside the landing page with its Content-Type', async () => {
    // Act
    const snapshot = await siteSnapshot(stage.stack);

    // Assess
    expect(stage.errors).toEqual([]);
    expect(sent[0]?.files).toEqual({ uploaded: 1, unchanged: 0 });
    expect(snapshot[PDF_KEY]).toMatchObject({ contentType: 'application/pdf' });
    const head = (await tableItems(stage.stack)).find((i) => i.pk === `ART#${DOI}` && i.sk === 'HEAD')!;
    expect(Object.keys((head.render as { artifacts: Record<string, string> }).artifacts)).toContain(PDF_KEY);
  });

  it('answers 200 with the PDF at every link to it: landing page, issue page, Highwire, JATS and the Crossref deposit', async () => {
    // Prepare
    const landingUrl = `${stage.stack.siteUrl}/doi/${DOI}/`;
    const issueUrl = `${stage.stack.siteUrl}/testjournal/issues/2024-12-3/`;
    const landing = await (await fetch(landingUrl)).text();
    const issuePage = await (await fetch(issueUrl)).text();
    const jats = await siteText(stage.stack, `doi/${DOI}/article.xml`);
    const artifacts = stage.stack.bucket('ArtifactsBucket');
    const listed = await stage.stack.clients.s3.send(new ListObjectsV2Command({ Bucket: artifacts, Prefix: 'crossref/dry-run/' }));
    const deposits = await Promise.all((listed.Contents ?? []).map(async (o) => (await stage.stack.clients.s3.send(new GetObjectCommand({ Bucket: artifacts, Key: o.Key! }))).Body!.transformToString()));

    // Act
    const links = [
      ...attribute(landing, /<a href="([^"]+\.pdf)"/g).map((href) => new URL(href, landingUrl).href),
      ...attribute(landing, /<meta name="citation_pdf_url" content="([^"]+)"/g).map(onStage),
      ...attribute(issuePage, /<a href="([^"]+\.pdf)"/g).map((href) => new URL(href, issueUrl).href),
      ...attribute(jats, /<self-uri xlink:href="([^"]+\.pdf)"/g).map(onStage),
      ...deposits.flatMap((xml) => attribute(xml, /<resource[^>]*>([^<]+\.pdf)<\/resource>/g)).map(onStage),
    ];
    const answers = await Promise.all(links.map(async (url) => {
      const response = await fetch(url);
      return { url, status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
    }));

    // Assess
    expect(links.length).toBeGreaterThanOrEqual(6);
    expect(new Set(links)).toEqual(new Set([`${stage.stack.siteUrl}/${PDF_KEY}`]));
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 200, type: 'application/pdf' });
      expect(answer.bytes.equals(readFileSync(PDF_FILE))).toBe(true);
    }
  });

  it('is not uploaded again, nor copied again, when the issue is published unchanged', async () => {
    // Prepare
    const before = await siteSnapshot(stage.stack);
    const uploads: Uploaded[] = [];

    // Act
    await publishSources(stage.stack, fixtureSources(), { onUploaded: (s) => uploads.push(s) });
    await stage.stack.drain();

    // Assess
    expect(uploads.map((u) => u.files)).toEqual([{ uploaded: 0, unchanged: 1 }]);
    expect((await siteSnapshot(stage.stack))[PDF_KEY]).toEqual(before[PDF_KEY]);
  });

  it('is replaced on the site when its file changes, and the earlier file stays in the inbox', async () => {
    // Prepare
    const changed = samplePdf('The Danube Question (corrected galley)', ['A second printing.']);
    const uploads: Uploaded[] = [];

    // Act
    await publishSources(stage.stack, fixtureWithPdf(changed), { onUploaded: (s) => uploads.push(s) });
    await stage.stack.drain();

    // Assess
    expect(stage.errors).toEqual([]);
    expect(uploads.map((u) => u.files)).toEqual([{ uploaded: 1, unchanged: 0 }]);
    const served = await fetch(`${stage.stack.siteUrl}/${PDF_KEY}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(changed))).toBe(true);
    const inbox = await stage.stack.clients.s3.send(new ListObjectsV2Command({ Bucket: stage.stack.bucket('InboxBucket'), Prefix: 'galleys/testjournal/' }));
    expect(inbox.Contents?.length).toBe(2);
  });
});

describe('a galley that is not what it claims', () => {
  it('refuses the whole issue with the file and line named, and publishes nothing of it', async () => {
    // Prepare: the stage gets a Word-like file as the PDF (as a CLI that skipped its checks would send)
    const sources = fixtureSources().map((j) => ({ ...j, issues: j.issues.map((i) => ({ ...i, id: '2024-12-3-bad' })) }));
    const keysBefore = await siteKeys(stage.stack);
    const notPdf = new TextEncoder().encode('PK\u0003\u0004 not a pdf at all');
    const hash = createHash('sha256').update(notPdf).digest('hex');
    const files = (issue: JournalSources['issues'][number]) => filesOfIssue(issue).map((f) => ({ ...f, sha256: hash, size: notPdf.length, read: () => notPdf }));

    // Act
    await publishSources(stage.stack, sources, { files });
    await stage.stack.drain();

    // Assess
    const problems = (await tableItems(stage.stack)).find((i) => i.pk === 'ISSUE#testjournal#2024-12-3-bad' && i.sk === 'PROBLEMS');
    expect(JSON.parse(String(problems?.problems))).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/a01-petrovic\.yaml$/), path: ['galleys', 0, 'path'], line: 96, message: expect.stringContaining('"a01-petrovic.pdf" is not a PDF') }),
    );
    expect(await siteKeys(stage.stack)).toEqual(keysBefore);
  });
});
