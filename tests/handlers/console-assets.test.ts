/**
 * The staff console's files as the Site function writes them (functions/handlers/flows/console-assets.ts):
 * the page's CSP names only the site, the Cognito endpoint and the galley uploads' origin (issue 15),
 * and the first load (the page, its style and scripts, before any schema) stays under 100 KB gzipped.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleFiles } from '#handlers/flows/console-assets';
import { repoDir } from '#tests/helpers/shared';

// The Site bundle's layout: the console's files with the metadata schemas under schema/.
const dir = mkdtempSync(join(tmpdir(), 'colophon-console-assets-'));
cpSync(join(repoDir, 'functions/console/static'), dir, { recursive: true });
cpSync(join(repoDir, 'metadata/schema'), join(dir, 'schema'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csp = (html: string): string => /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';

describe('the console’s files', () => {
  it('let the page connect to the site, the Cognito endpoint and the inbox bucket’s upload origin, and nowhere else', () => {
    const files = consoleFiles(dir, 'https://cognito-idp.eu-west-1.amazonaws.com/', 'https://inbox-abc.s3.eu-west-1.amazonaws.com');
    const page = files.find((f) => f.key === 'admin/index.html')!;
    expect(csp(page.body)).toContain("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com https://inbox-abc.s3.eu-west-1.amazonaws.com;");
    expect(csp(page.body)).toContain("script-src 'self';");
  });

  it('leave no placeholder in the CSP when no upload origin is given', () => {
    const page = consoleFiles(dir, 'https://cognito-idp.eu-west-1.amazonaws.com/').find((f) => f.key === 'admin/index.html')!;
    expect(page.body).not.toContain('__');
    expect(csp(page.body)).toContain("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com;");
  });

  it('keep the first load (page, style, scripts) under 100 KB compressed, and serve the TOC, galley, versions and nested sub-form modules', () => {
    const first = consoleFiles(dir, 'https://cognito-idp.eu-west-1.amazonaws.com/').filter((f) => !f.key.startsWith('admin/schema/'));
    expect(first.map((f) => f.key).sort()).toEqual(['admin/console.css', 'admin/console.js', 'admin/galley-remove.js', 'admin/galley.js', 'admin/index.html', 'admin/nested.js', 'admin/toc.js', 'admin/users.js', 'admin/versions.js']);
    const gzipped = first.reduce((sum, f) => sum + gzipSync(f.body, { level: 9 }).length, 0);
    expect(gzipped).toBeLessThan(100 * 1024);
  });
});
