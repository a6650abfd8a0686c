/**
 * JATS4R (https://jats4r.niso.org): the community's rules for reusable JATS, beyond the schema.
 * Every JATS the fixtures, the seed, the concept cases and examples/ (where it exists) produce is
 * checked in one Saxon run; each must have no error and no warning. A known-bad file shows that
 * the check fails where it should.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMetadata } from '#adapters/metadata-fs';
import { renderJats } from '#core/jats/index';
import type { IssueBundle } from '#core/model/index';
import { caseBundle, cases } from '../../helpers/cases.ts';
import { checkJats4r, describeFinding, problemsOf, type Jats4rFinding } from '../../helpers/jats4r.ts';
import { repoDir } from '../../helpers/shared.ts';

function bundlesOf(dir: string): IssueBundle[] {
  const result = loadMetadata(join(repoDir, dir));
  if (!result.ok) throw new Error(`${dir} does not load`);
  return result.bundles;
}

const folders = ['metadata', 'tests/fixtures/metadata', ...(existsSync(join(repoDir, 'examples')) ? ['examples'] : [])];
const docs = [
  ...folders.flatMap((dir) => bundlesOf(dir).flatMap((b) => b.articles.map((a) => ({ name: `${dir}: ${b.issue.id}/${a.id}`, xml: renderJats(b, a) })))),
  ...cases.map((c) => {
    const bundle = caseBundle(c.article);
    return { name: `case ${c.concept}: ${c.name}`, xml: renderJats(bundle, bundle.articles[0]!) };
  }),
];

/** Everything JATS4R should object to, one thing per element (and a fig whose language check reads the rules' lang.xml). */
const KNOWN_BAD = `<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" dtd-version="1.4" article-type="research-article" xml:lang="en">
<front><journal-meta><journal-id journal-id-type="publisher-id">bad</journal-id><issn publication-format="print">0350-7653</issn></journal-meta>
<article-meta><article-id pub-id-type="doi">10.5555/bad</article-id><title-group><article-title>Bad</article-title></title-group>
<self-uri xlink:href="https://example.org/bad.pdf"/>
<kwd-group xml:lang="en"><kwd>same language</kwd></kwd-group>
<funding-group><award-group><funding-source>A funder without institution-wrap</funding-source></award-group></funding-group>
</article-meta></front>
<body><fig id="f1" xml:lang="not-a-language"><caption><title>x</title></caption></fig></body>
<back><ref-list><ref id="r1"><mixed-citation>Untyped reference, no person group.</mixed-citation></ref></ref-list></back>
</article>
`;

describe('JATS4R', () => {
  const results = new Map<string, Jats4rFinding[]>();

  // One Java start for every document (plus compiling the rules once per rules' hash, cached in .cache/).
  beforeAll(async () => {
    for (const [name, findings] of await checkJats4r([...docs, { name: 'known-bad', xml: KNOWN_BAD }])) results.set(name, findings);
  }, 300_000);

  it('checks the fixtures, the seed and the concept cases', () => {
    expect(docs.length).toBeGreaterThan(10);
    expect([...results.keys()]).toEqual([...docs.map((d) => d.name), 'known-bad']);
  });

  it.each(docs.map((d) => d.name))('%s: no error, no warning', (name) => {
    expect(problemsOf(results.get(name) ?? []).map(describeFinding)).toEqual([]);
  });

  it('fails a known-bad JATS file, naming each rule it breaks', () => {
    const found = problemsOf(results.get('known-bad') ?? []);
    const tests = found.map((f) => `${f.role} ${f.test.replace(/\s+/g, ' ')}`);
    expect(tests).toEqual(
      expect.arrayContaining([
        'error permissions',
        'error @publication-type',
        'warning person-group[@person-group-type]',
        'error count(institution-wrap) = 1',
        expect.stringMatching(/^error \(\(not\(\*\) and normalize-space\(\.\)=''\)/),
        'warning @xml:lang and (@xml:lang = ancestor::article/@xml:lang)',
        expect.stringMatching(/^error some \$lang in \$langs/),
      ]),
    );
  });
});
