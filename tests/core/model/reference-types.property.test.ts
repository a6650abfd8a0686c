/**
 * The type rule answers as it did before its seven keyword scans were screened by one
 * (reference-types.ts): the rule as it was (commit 7ebcc9a, kept here verbatim as the oracle)
 * against the current one, on texts built from every trigger word, near misses and hints.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferReferenceType, type ReferenceType, type TypeHints } from '#core/model/reference-types';
import { plainText, type InlineText } from '#core/model/index';

function oracle(citation: InlineText, hints: TypeHints = {}): ReferenceType {
  const text = plainText(citation);
  const has = (re: RegExp): boolean => re.test(text);
  if ((hints.doi !== undefined && /^10\.48550\//i.test(hints.doi)) || has(/\barXiv\b|\bbioRxiv\b|\bmedRxiv\b|\bSSRN\b|\bpreprint\b|\bResearch Square\b/i)) return 'preprint';
  if (has(/\bthes[ie]s\b|\bdissertation\b|\bPh\.?\s?D\b|\bdoctoral\b|\bMaster'?s\b/i)) return 'thesis';
  if (has(/\bdata ?set\b|\[Data\b/i)) return 'dataset';
  if (has(/\bsoftware\b|\[Computer (?:software|program)\]|\bgithub\.com\b|\bzenodo\b.*\bversion\b/i)) return 'software';
  if (has(/\bProceedings\b|\bConference\b|\bSymposium\b|\bWorkshop\b|\bCongress\b|\bColloqui/i)) return 'conference-paper';
  const editorMark = /\b(?:eds?\.|eds\b|edited by|Hrsg\.|\(dir\.\)|\(ur\.\)|\(ред\.\)|ed\.)/i;
  if ((has(/\bIn:|\bIn\s/) && has(editorMark)) || ((hints.editors?.length ?? 0) > 0 && hints.title !== undefined)) return 'chapter';
  if (has(/\breport\b|\bworking paper\b|\btechnical note\b/i)) return 'report';
  if (has(/\b\d+\s*\(\s*[\dA-Za-z–/-]+\s*\)|\bvol\.\s*\d|\bno\.\s*\d|\bbr\.\s*\d|\bтом\b/i) || (hints.source !== undefined && (hints.volume !== undefined || hints.issue !== undefined))) return 'journal-article';
  if (has(/\bISBN\b/i) || hints.isbn !== undefined || hints.publisher !== undefined || citation.some((n) => typeof n !== 'string' && n.tag === 'i')) return 'book';
  if ((has(/https?:\/\//) || hints.url !== undefined) && has(/\baccessed\b|\bretrieved\b|\bviewed\b|\bconsulted\b/i)) return 'web-page';
  return 'other';
}

const WORDS = [
  'arXiv', 'ARXIV:2101.1', 'bioRxiv', 'medRxiv', 'SSRN', 'preprint', 'preprints', 'Research Square', 'thesis', 'theses', 'dissertation', 'Ph.D', 'PhD', 'Ph. D', 'doctoral', "Master's",
  'Masters', 'dataset', 'data set', '[Data', 'software', '[Computer program]', '[Computer software]', 'github.com', 'zenodo', 'version', 'Proceedings', 'Conference', 'Symposium',
  'Workshop', 'Congress', 'Colloquium', 'In:', 'In', 'in', 'ed.', 'eds.', 'eds', 'edited by', 'Hrsg.', '(dir.)', '(ur.)', '(ред.)', 'report', 'reports', 'working paper', 'technical note',
  '50(3)', '50 (2019)', 'vol. 5', 'no. 3', 'br. 2', 'том', 'ISBN', 'https://x.org', 'accessed', 'retrieved', 'viewed', 'consulted', 'Belgrade:', 'Smith, J.', '1991.', 'Balcanica', '—', 'Reporter', 'Edinburgh',
];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const citation: fc.Arbitrary<InlineText> = fc.tuple(text, fc.boolean(), text).map(([a, italic, b]) => (italic ? [a, { tag: 'i', children: [b] }] : [`${a} ${b}`]) as InlineText);
const hints: fc.Arbitrary<TypeHints> = fc.record(
  { doi: fc.constantFrom('10.48550/arXiv.1', '10.2298/X'), source: fc.constant('S'), volume: fc.constant('1'), issue: fc.constant('2'), publisher: fc.constant('P'), isbn: fc.constant('978'), editors: fc.constantFrom([], [{}]), title: fc.constant('T'), url: fc.constant('https://x') },
  { requiredKeys: [] },
);

describe('the reference type rule', () => {
  it('gives the same type as the unscreened rule, text only and with parts', () => {
    fc.assert(
      fc.property(citation, hints, (c, h) => {
        expect(inferReferenceType(c, h)).toBe(oracle(c, h));
        expect(inferReferenceType(c)).toBe(oracle(c));
      }),
      { numRuns: 5_000 },
    );
  });
});
