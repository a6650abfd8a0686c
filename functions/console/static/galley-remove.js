// Removing a galley (issue 15, developer B): the article's galleys listed under the upload, each with
// a Remove button (its name names the file, WCAG 2.5.3). Removing takes the galley out of the draft
// (the console's equivalent of deleting it from the article's YAML); the next publish no longer lists
// or links it, and nothing published is deleted. Server text is set as text.
let ctx;

const nameOf = (g) => g.label ? `${g.label} (${g.path ?? g.url})` : (g.path ?? g.url ?? 'galley');

async function remove(galley) {
  const { api, $ } = ctx;
  const state = ctx.state();
  const answer = await api('POST', '/api/admin/galley/remove', { ...state.article, version: state.version, path: galley.path ?? galley.url });
  if (answer.status !== 200) {
    $('galley-remove-status').textContent = answer.body.message;
    return;
  }
  // The form shows the galleys as saved now (a save from the old form would put the file back).
  await ctx.reopen();
  $('galley-remove-status').textContent = answer.body.message;
  $('galley-list-heading').setAttribute('tabindex', '-1');
  $('galley-list-heading').focus();
}

/** Lists the galleys of the article just opened. */
export function showGalleys(galleys) {
  if (!ctx) return;
  const { el, $ } = ctx;
  const list = Array.isArray(galleys) ? galleys : [];
  $('galley-list').replaceChildren(...(list.length === 0
    ? [el('li', {}, 'None: readers see no download for this article.')]
    : list.map((g) => el('li', {}, `${nameOf(g)} `, el('button', { type: 'button', class: 'secondary', onclick: () => remove(g) }, `Remove ${g.path ?? g.url}`)))));
  $('galley-remove-status').textContent = '';
}

/** Wires the block once; `context` is the console's { api, el, $, state(), reopen() }. */
export function setUpGalleyRemove(context) {
  ctx = context;
}
