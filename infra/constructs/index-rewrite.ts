/**
 * CloudFront Function (cloudfront-js-2.0, viewer request): the site is plain files in S3, so a
 * directory URL such as a landing page `/doi/10.2298/BALC1950375E/` must fetch its `index.html`.
 * Kept as source text because CloudFront runs it, not Node; the tests evaluate the same text.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-javascript-runtime-20.html
 */
export const INDEX_REWRITE_SOURCE = `function handler(event) {
  var request = event.request;
  if (request.uri.endsWith('/')) {
    request.uri = request.uri + 'index.html';
  }
  return request;
}
`;
