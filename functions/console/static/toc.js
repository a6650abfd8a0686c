// The table of contents (issue 15, developer C): an issue's sections and articles in print order,
// moved with buttons (the keyboard: Tab to "Move up" / "Move down", Enter; each button's name starts
// with its visible text and names the article, WCAG 2.5.3) or by dragging, every move
// announced in a live region; saved as a draft of issue.yaml (optimistic version) and published with
// the issue. Titles come from staff: set as text (el() makes text nodes), never as markup.
const toc = { ctx: undefined, ref: undefined, version: 0, sections: [], loose: [], dragged: undefined };

/** The lists as the page shows them: each section's articles, then the articles outside any section. */
const lists = () => [...toc.sections.map((s) => ({ name: s.title, items: s.articles })), ...(toc.loose.length > 0 || toc.sections.length === 0 ? [{ name: 'the issue', items: toc.loose }] : [])];

function announce(text) {
  const live = toc.ctx.$('toc-live');
  // A fresh text each time, so a screen reader says the same move twice if it happens twice.
  live.textContent = '';
  window.setTimeout(() => { live.textContent = text; }, 50);
}

/** Moves `items[from]` to `to` in place. */
function move(items, from, to) {
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
}

/** Focus the moved item's button again after the list is drawn anew (the other one at an end). */
function refocus(id, which) {
  const { $ } = toc.ctx;
  const button = $(`toc-${which}-${id}`);
  const other = $(`toc-${which === 'up' ? 'down' : 'up'}-${id}`);
  (button && !button.disabled ? button : other)?.focus();
}

function moveArticle(list, index, step) {
  const to = index + step;
  if (to < 0 || to >= list.items.length) return;
  const item = list.items[index];
  move(list.items, index, to);
  render();
  refocus(`a-${item.id}`, step < 0 ? 'up' : 'down');
  announce(`${item.title}: now ${to + 1} of ${list.items.length} in ${list.name}. Not saved yet.`);
}

function moveSection(index, step) {
  const to = index + step;
  if (to < 0 || to >= toc.sections.length) return;
  const section = toc.sections[index];
  move(toc.sections, index, to);
  render();
  refocus(`s-${section.id}`, step < 0 ? 'up' : 'down');
  announce(`Section ${section.title}: now ${to + 1} of ${toc.sections.length}. Not saved yet.`);
}

/** Drag and drop within one list: the dragged article goes before the one it is dropped on (or last). */
function dragHandlers(list, index, item) {
  return {
    draggable: 'true',
    ondragstart: (event) => {
      toc.dragged = { list, index };
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', item.id);
      event.currentTarget.classList.add('dragging');
    },
    ondragend: (event) => event.currentTarget.classList.remove('dragging'),
    ondragover: (event) => {
      if (toc.dragged?.list !== list) return;
      event.preventDefault();
      event.currentTarget.classList.add('drop-target');
    },
    ondragleave: (event) => event.currentTarget.classList.remove('drop-target'),
    ondrop: (event) => {
      event.preventDefault();
      const from = toc.dragged;
      toc.dragged = undefined;
      if (from?.list !== list || from.index === index) return render();
      const moved = list.items[from.index];
      move(list.items, from.index, from.index < index ? index - 1 : index);
      render();
      const at = list.items.indexOf(moved);
      announce(`${moved.title}: now ${at + 1} of ${list.items.length} in ${list.name}. Not saved yet.`);
    },
  };
}

function articleList(list) {
  const { el } = toc.ctx;
  return el('ol', { class: 'toc-list', 'aria-label': `Articles in ${list.name}` }, list.items.map((item, k) =>
    el('li', dragHandlers(list, k, item),
      el('span', { class: 'toc-title' }, `${k + 1}. ${item.title}`),
      el('button', { type: 'button', class: 'secondary', id: `toc-up-a-${item.id}`, 'aria-label': `Move up: ${item.title}`, disabled: k === 0, onclick: () => moveArticle(list, k, -1) }, 'Move up'),
      el('button', { type: 'button', class: 'secondary', id: `toc-down-a-${item.id}`, 'aria-label': `Move down: ${item.title}`, disabled: k === list.items.length - 1, onclick: () => moveArticle(list, k, 1) }, 'Move down'),
    )));
}

function render() {
  const { el, $ } = toc.ctx;
  const shown = lists();
  $('toc-list').replaceChildren(...shown.map((list, n) => {
    const section = toc.sections[n];
    if (section === undefined) return el('div', { class: 'toc-section' }, toc.sections.length > 0 ? el('h2', {}, 'Outside any section') : undefined, articleList(list));
    return el('div', { class: 'toc-section' },
      el('h2', { id: `toc-section-${section.id}` }, section.title),
      el('p', {},
        el('button', { type: 'button', class: 'secondary', id: `toc-up-s-${section.id}`, 'aria-label': `Move section up: ${section.title}`, disabled: n === 0, onclick: () => moveSection(n, -1) }, 'Move section up'),
        el('button', { type: 'button', class: 'secondary', id: `toc-down-s-${section.id}`, 'aria-label': `Move section down: ${section.title}`, disabled: n === toc.sections.length - 1, onclick: () => moveSection(n, 1) }, 'Move section down')),
      articleList(list));
  }));
}

function showProblems(problems) {
  const { el, $ } = toc.ctx;
  $('toc-summary-list').replaceChildren(...problems.map((p) => el('li', {}, `${p.message}${p.hint ? `: ${p.hint}` : ''}`)));
  $('toc-summary').hidden = problems.length === 0;
  if (problems.length > 0) $('toc-summary').focus();
}

async function load() {
  const { api, $ } = toc.ctx;
  const { status, body } = await api('GET', `/api/admin/toc?${new URLSearchParams(toc.ref)}`);
  if (status !== 200) return void ($('toc-status').textContent = body.message);
  toc.version = body.version;
  toc.sections = body.sections;
  toc.loose = body.articles;
  render();
  // Who changed the issue's order (and created it), by user id, newest first.
  $('toc-changes').replaceChildren(...body.changes.map((c) => toc.ctx.el('li', {}, `${c.at}: ${c.action === 'create' ? 'created' : 'saved the order as'} version ${c.version} by ${c.by}${c.changed.length ? ` (${c.changed.join(', ')})` : ''}`)));
}

async function save() {
  const { api, $ } = toc.ctx;
  showProblems([]);
  const order = { ...toc.ref, version: toc.version, sections: toc.sections.map((s) => ({ id: s.id, articles: s.articles.map((a) => a.id) })), articles: toc.loose.map((a) => a.id) };
  const { status, body } = await api('PUT', '/api/admin/toc', order);
  if (status === 200) {
    await load();
    $('toc-status').textContent = `Order saved as version ${body.version}. Publish the issue to make it public.`;
    return;
  }
  if (status === 422) showProblems(body.problems ?? []);
  $('toc-status').textContent = body.message;
}

async function publish() {
  const { api, $ } = toc.ctx;
  const { status, body } = await api('POST', '/api/admin/publish', toc.ref);
  if (status === 422) showProblems(body.problems ?? []);
  $('toc-status').textContent = status === 202 ? `Publishing ${body.articles.length} article(s) (batch ${body.batchId}): the pages update in a minute.` : body.message;
}

/** Wires the section's buttons once; `ctx` is the console's { api, el, $, show, loadCatalog }. */
export function setUpToc(ctx) {
  toc.ctx = ctx;
  ctx.$('toc-save').addEventListener('click', save);
  ctx.$('toc-publish').addEventListener('click', publish);
  ctx.$('toc-back').addEventListener('click', () => ctx.loadCatalog());
}

/** Opens the table of contents of one issue. */
export async function openToc(journal, issue, caption) {
  toc.ref = { journal, issue };
  toc.ctx.$('toc-heading').textContent = `Table of contents: ${caption}`;
  toc.ctx.$('toc-status').textContent = '';
  toc.ctx.$('toc-live').textContent = '';
  showProblems([]);
  toc.ctx.$('toc-list').replaceChildren();
  toc.ctx.show('toc');
  await load();
}
