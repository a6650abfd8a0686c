/**
 * The staff console's static files (functions/console/static, and the metadata JSON Schemas its
 * form is generated from) written to the site bucket under `admin/`, where the site's distribution
 * serves them (issue 15: part of the stack, no extra server). The Site function carries them in its
 * bundle and writes them once per cold start, only when changed. The page's Content-Security-Policy
 * allows connections to this origin and to the staff pool's Cognito endpoint only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ObjectStore, PutOutcome } from '#adapters/object-store';

export const CONSOLE_PREFIX = 'admin/';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/schema+json; charset=utf-8',
};
/** Staff must get a new console as soon as it is deployed; the files are small. */
const CACHE_CONTROL = 'no-cache';
const ORIGIN_MARK = '__COGNITO_ORIGIN__';
/** Where the browser PUTs galleys (the inbox bucket's presigned URLs, issue 15). */
const UPLOAD_MARK = ' __UPLOAD_ORIGIN__';

const typeOf = (name: string): string | undefined => TYPES[/\.[a-z]+$/.exec(name)?.[0] ?? ''];

/** Every file of the console as it is to be served: key, body, content type. */
export function consoleFiles(dir: string, cognitoEndpoint: string, uploadOrigin = ''): { key: string; body: string; contentType: string }[] {
  const origin = new URL(cognitoEndpoint).origin;
  const upload = uploadOrigin === '' ? '' : ` ${new URL(uploadOrigin).origin}`;
  const files: { key: string; body: string; contentType: string }[] = [];
  for (const [folder, prefix] of [[dir, CONSOLE_PREFIX], [join(dir, 'schema'), `${CONSOLE_PREFIX}schema/`]] as const) {
    for (const name of readdirSync(folder).sort()) {
      const contentType = typeOf(name);
      if (contentType === undefined) continue;
      const text = readFileSync(join(folder, name), 'utf8');
      files.push({ key: `${prefix}${name}`, body: name === 'index.html' ? text.replaceAll(ORIGIN_MARK, origin).replaceAll(UPLOAD_MARK, upload) : text, contentType });
    }
  }
  return files;
}

export async function writeConsole(site: ObjectStore, dir: string, cognitoEndpoint: string, uploadOrigin = ''): Promise<PutOutcome[]> {
  return Promise.all(consoleFiles(dir, cognitoEndpoint, uploadOrigin).map((f) => site.putIfChanged(f.key, f.body, { contentType: f.contentType, cacheControl: CACHE_CONTROL })));
}
