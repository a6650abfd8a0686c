/**
 * CloudFront Function (cloudfront-js-2.0, viewer request): the site is plain files in S3, so a
 * directory URL such as a landing page `/doi/10.2298/BALC1950375E/` must fetch its `index.html`.
 * Kept as source text because CloudFront runs it, not Node; the tests evaluate the same text.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-javascript-runtime-20.html
 *
 * A stage that served one journal before it held several (issue 12, High 3) published that
 * journal's issue pages at `/issues/<id>/`, and may have registered them with Crossref as issue DOIs'
 * resource URLs; they now live at `/<journal id>/issues/<id>/`. With `legacyJournal` the old paths
 * answer 301 to the new ones, so links, bookmarks and registered URLs keep working.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/example-function-redirect-url.html
 */
const LEGACY_ISSUES = '/issues/';

/** A journal id as journal.yaml allows it (lower-case letters, digits, hyphens): safe inside the function's source. */
const JOURNAL_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Paths that can only be folders, typed without their closing slash: a journal's home or the staff
 * console (`/balcanica`, `/admin`: one segment, and every file at the root has a dot) and an issue
 * (`/balcanica/issues/L-2019`: nothing but folders at that depth). They answer 301 to the folder, as
 * S3's website endpoint would, instead of S3's 404. Landing pages are not among them: a DOI's last
 * part may look like a galley's file name (`…/exemplaria.xii.1`, `…/petrovic`), so only the object
 * itself could tell, and the registered URL has its slash anyway.
 */
const FOLDER_WITHOUT_SLASH = '/^\\/(?:[a-z0-9][a-z0-9-]*|[a-z0-9][a-z0-9-]*\\/issues\\/[^/]+)$/';

/** Longest such path whose folder page could exist: its key, `<path>/index.html` without the leading slash, is at most S3's 1,024 bytes. */
const MAX_FOLDER_URI = 1024 - '/index.html'.length + 1;

export function indexRewriteSource(legacyJournal?: string): string {
  if (legacyJournal !== undefined && !JOURNAL_ID.test(legacyJournal)) throw new RangeError(`site.legacyJournal "${legacyJournal}" is not a journal id (lower-case letters, digits, hyphens)`);
  const redirect =
    legacyJournal === undefined
      ? ''
      : `  if (request.uri.indexOf('${LEGACY_ISSUES}') === 0) {
    var query = Object.keys(request.querystring).length === 0 ? '' : '?' + Object.keys(request.querystring).map(function (k) { return k + '=' + request.querystring[k].value; }).join('&');
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/${legacyJournal}' + request.uri + query }, 'cache-control': { value: 'public, max-age=86400' } } };
  }
`;
  return `function handler(event) {
  var request = event.request;
${redirect}  if (request.uri.length <= ${MAX_FOLDER_URI} && ${FOLDER_WITHOUT_SLASH}.test(request.uri)) {
    var rest = Object.keys(request.querystring).length === 0 ? '' : '?' + Object.keys(request.querystring).map(function (k) { return k + '=' + request.querystring[k].value; }).join('&');
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: request.uri + '/' + rest }, 'cache-control': { value: 'public, max-age=86400' } } };
  }
  if (request.uri.endsWith('/')) {
    request.uri = request.uri + 'index.html';
  }
  return request;
}
`;
}

/** The function of a stage with no old single-journal paths. */
export const INDEX_REWRITE_SOURCE = indexRewriteSource();
