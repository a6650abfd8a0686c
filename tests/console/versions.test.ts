/** The console's list of published versions (functions/console/static/versions.js): each says where it came from, as text. */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the console's browser module is plain JavaScript without types.
import { filesSinceDraftText, versionItems } from '../../functions/console/static/versions.js';

type Node = { tag: string; attrs: Record<string, string>; text: string };
const el = (tag: string, attrs: Record<string, string>, text: string): Node => ({ tag, attrs, text });

describe('published versions in the console', () => {
  it('marks each version as from the files or from the console', () => {
    const items = (versionItems as (v: unknown, e: typeof el) => Node[])(
      [
        { version: 2, at: '2026-12-07T10:00:00.000Z', batchId: 'b2', source: 'console' },
        { version: 1, at: '2026-12-01T10:00:00.000Z', batchId: 'b1', source: 'files' },
      ],
      el,
    );
    expect(items.map((i) => [i.text, i.attrs['data-source']])).toEqual([
      ['2026-12-07T10:00:00.000Z: published version 2 from the console', 'console'],
      ['2026-12-01T10:00:00.000Z: published version 1 from the metadata files (colophon publish)', 'files'],
    ]);
  });

  it('warns when the files published the article after the draft, and says nothing otherwise', () => {
    const text = filesSinceDraftText as (v: unknown) => string;
    expect(text([])).toBe('');
    expect(text(undefined)).toBe('');
    expect(text([{ version: 5, at: 'T5', source: 'files' }])).toMatch(/^Changed from the metadata files after this draft was saved: version 5 \(T5\)\. .*publishing from the console would put them back/);
  });
});
