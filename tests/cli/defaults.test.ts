import { describe, expect, test } from 'vitest';
import { derivedBatchId, derivedTimestamp } from '#cli/defaults';
import type { Article, IssueBundle, PublicationDates } from '#core/model/index';

function bundle(issue: PublicationDates, articles: PublicationDates[] = [], ids = { journal: 'balcanica', issue: 'L-2019' }): IssueBundle {
  return {
    journal: { id: ids.journal } as IssueBundle['journal'],
    issue: { id: ids.issue, published: issue } as IssueBundle['issue'],
    articles: articles.map((published) => ({ dates: { published } }) as Article),
  };
}

describe('derived deposit parameters', () => {
  test.each([
    [bundle({ print: { year: 2019 } }), '20190101000000000'],
    [bundle({ print: { year: 2019 }, online: { year: 2023, month: 2, day: 1 } }), '20230201000000000'],
    [bundle({ print: { year: 2024, month: 11 } }, [{ online: { year: 2024, month: 10, day: 15 } }, { online: { year: 2024, month: 12, day: 3 } }]), '20241203000000000'],
  ])('the timestamp is the latest publication date at midnight (%#)', (issue, expected) => {
    expect(derivedTimestamp(issue)).toBe(expected);
  });

  test('the batch id names the issue and changes with the content', () => {
    // Prepare
    const a = bundle({ print: { year: 2019 } });
    const b = bundle({ print: { year: 2020 } });
    // Act / Assess
    expect(derivedBatchId(a)).toMatch(/^balcanica-L-2019-[0-9a-f]{12}$/);
    expect(derivedBatchId(a)).toBe(derivedBatchId(structuredClone(a)));
    expect(derivedBatchId(a)).not.toBe(derivedBatchId(b));
  });

  test('a batch id that would pass Crossref\'s 100 characters falls back to the hash', () => {
    const long = bundle({ print: { year: 2019 } }, [], { journal: 'j'.repeat(60), issue: 'i'.repeat(60) });
    expect(derivedBatchId(long)).toMatch(/^colophon-[0-9a-f]{32}$/);
  });
});
