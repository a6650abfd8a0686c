/** How `colophon status` lists an article's galleys: from the render's artifacts and the folder's files. */
import { describe, expect, it } from 'vitest';
import type { Head } from '#adapters/records';
import { galleyLine, galleyStatus } from '#cli/status-files';

const DOI = '10.5555/sbt.2024.001';
const rendered = (artifacts: Record<string, string>): Pick<Head, 'doi' | 'render'> => ({ doi: DOI, render: { status: 'done', version: 1, at: 't', artifacts } });
const OWN = { [`doi/${DOI}/index.html`]: 'h1', [`doi/${DOI}/article.xml`]: 'h2' };

describe('galleys in status', () => {
  it('lists the galleys a render published, and not the article’s own files', () => {
    // Act
    const galleys = galleyStatus(rendered({ ...OWN, [`doi/${DOI}/a01.pdf`]: 'aa' }), undefined);

    // Assess
    expect(galleys).toEqual([{ name: 'a01.pdf', state: 'published' }]);
  });

  it('compares each galley of the folder with the file the stage serves', () => {
    // Prepare
    const local = {
      galleys: [
        { format: 'pdf' as const, path: 'a01.pdf', file: { sha256: 'aa', size: 2048 } },
        { format: 'epub' as const, path: 'a01.epub', file: { sha256: 'bb', size: 3 * 1024 * 1024 } },
        { format: 'html' as const, path: 'a01.html', file: { sha256: 'cc', size: 10 } },
        { format: 'pdf' as const, url: 'https://example.org/x.pdf' },
      ],
    };

    // Act
    const galleys = galleyStatus(rendered({ ...OWN, [`doi/${DOI}/a01.pdf`]: 'aa', [`doi/${DOI}/a01.epub`]: 'old' }), local);

    // Assess
    expect(galleys.map((g) => [g.name, g.state])).toEqual([
      ['a01.pdf', 'published'],
      ['a01.epub', 'changed'],
      ['a01.html', 'not published'],
    ]);
    expect(galleyLine(galleys)).toBe('galleys: a01.pdf (pdf, 2 KB, published), a01.epub (epub, 3.0 MB, changed), a01.html (html, 1 KB, not published)');
  });

  it('says nothing of an article without galleys, or one not rendered yet', () => {
    expect(galleyLine(galleyStatus(rendered(OWN), { galleys: [] }))).toBeUndefined();
    expect(galleyStatus({ doi: DOI, render: { status: 'pending', version: 1 } }, undefined)).toEqual([]);
  });
});
