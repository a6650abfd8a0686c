// The Colophon staff console: sign in (Cognito, from the browser), list the journals the signed-in
// editor may edit, edit an article in a form generated from the article JSON Schema, check, save
// (optimistic versions: a conflict shows both versions), preview and publish. Every text from the
// server or from staff is set as text (textContent, value), never as markup.
// ---- issue 15 (files, developer D): published versions marked files/console ----
import { filesSinceDraftText, versionItems } from './versions.js';
// ---- end issue 15 (files) ----
// ---- issue 15, developer C: table of contents and galley upload live in their own modules ----
import { openToc, setUpToc } from './toc.js';
import { resetGalley, setUpGalley } from './galley.js';
// ---- end of developer C's imports ----
// ---- issue 15, developer G: abstracts and references in their own sub-forms ----
import { abstractsGroup, nestedPath, readAbstracts, readReferences, referencesGroup, setUpNested } from './nested.js';
// ---- end of developer G's imports ----
import { setUpUsers, usersSignedIn } from './users.js'; // issue 15, developer B: staff and roles
import { setUpGalleyRemove, showGalleys } from './galley-remove.js'; // issue 15, developer B: galley removal
const $ = (id) => document.getElementById(id);
const state = { config: undefined, token: undefined, session: undefined, username: '', schema: undefined, article: undefined, version: 0 };

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

function show(section, { focus = true } = {}) {
  for (const id of ['sign-in', 'catalog', 'editor', 'create', 'toc', 'users']) $(id).hidden = id !== section;
  if (focus) $('main').focus();
}

// ---- sign-in: Cognito's InitiateAuth / RespondToAuthChallenge, USER_PASSWORD_AUTH ----
async function cognito(target, body) {
  const response = await fetch(state.config.cognitoEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(body),
  });
  const out = await response.json();
  if (!response.ok) throw new Error(out.message || 'Sign-in failed: check your user name and password.');
  return out;
}

function signedIn(result) {
  state.token = result.AccessToken;
  state.session = undefined;
  $('who').textContent = `Signed in as ${state.username}`;
  usersSignedIn(state.token); // issue 15, developer B
  loadCatalog();
}

function challenge(out) {
  state.session = out.Session;
  state.challenge = out.ChallengeName;
  $('code-field').hidden = out.ChallengeName !== 'SOFTWARE_TOKEN_MFA';
  $('new-password-field').hidden = out.ChallengeName !== 'NEW_PASSWORD_REQUIRED';
  if (out.ChallengeName !== 'SOFTWARE_TOKEN_MFA' && out.ChallengeName !== 'NEW_PASSWORD_REQUIRED') throw new Error(`Sign-in needs a step this console cannot do yet (${out.ChallengeName}): ask an administrator.`);
  (out.ChallengeName === 'SOFTWARE_TOKEN_MFA' ? $('code') : $('new-password')).focus();
}

async function signIn(event) {
  event.preventDefault();
  $('sign-in-error').textContent = '';
  state.username = $('username').value.trim();
  try {
    let out;
    if (state.session && state.challenge === 'SOFTWARE_TOKEN_MFA') {
      out = await cognito('RespondToAuthChallenge', { ClientId: state.config.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: state.session, ChallengeResponses: { USERNAME: state.username, SOFTWARE_TOKEN_MFA_CODE: $('code').value.trim() } });
    } else if (state.session && state.challenge === 'NEW_PASSWORD_REQUIRED') {
      out = await cognito('RespondToAuthChallenge', { ClientId: state.config.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: state.session, ChallengeResponses: { USERNAME: state.username, NEW_PASSWORD: $('new-password').value } });
    } else {
      out = await cognito('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: state.config.clientId, AuthParameters: { USERNAME: state.username, PASSWORD: $('password').value } });
    }
    $('password').value = '';
    if (out.AuthenticationResult) signedIn(out.AuthenticationResult);
    else challenge(out);
  } catch (error) {
    $('sign-in-error').textContent = error.message;
  }
}

// ---- the admin API ----
async function api(method, path, body) {
  const response = await fetch(path, { method, headers: { authorization: `Bearer ${state.token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (response.status === 401) {
    state.token = undefined;
    $('who').textContent = '';
    $('sign-in-error').textContent = 'Your sign-in has expired: sign in again.';
    show('sign-in');
    throw new Error('signed out');
  }
  return { status: response.status, body: await response.json() };
}

/** `focus: false` keeps the focus where it is (the Refresh button), instead of moving it to the top of the page. */
async function loadCatalog({ focus = true } = {}) {
  const { body } = await api('GET', '/api/admin/catalog');
  $('catalog-status').textContent = '';
  const list = $('catalog-list');
  list.replaceChildren();
  if (body.journals.length === 0) list.append(el('p', {}, 'You are not an editor of any journal yet: ask an administrator to add you to a journal’s editors.'));
  for (const journal of body.journals) {
    list.append(el('h2', {}, journal.title));
    list.append(el('p', {}, el('button', { type: 'button', class: 'secondary', onclick: () => newIssue(journal) }, `New issue of ${journal.title}`)));
    for (const issue of journal.issues) {
      const caption = ([issue.volume && `Vol. ${issue.volume}`, issue.number && `No. ${issue.number}`, issue.year && `(${issue.year})`].filter(Boolean).join(' ') || issue.id) + (issue.draft ? ' (new, not published yet)' : '');
      const said = el('span', { 'aria-live': 'polite' });
      list.append(el('p', {},
        el('button', { type: 'button', class: 'secondary', onclick: () => newArticle(journal, issue, caption) }, `New article in ${caption}`),
        el('button', { type: 'button', class: 'secondary', onclick: () => openToc(journal.id, issue.id, caption) }, `Order the contents of ${caption}`),
        issue.draft || !issue.articles.some((a) => (a.crossref === 'due' || a.crossref === 'failed') && !a.draft) ? undefined : el('button', { type: 'button', class: 'secondary', onclick: () => resendDeposit(journal.id, issue.id, said) }, `Send ${caption} to Crossref again`),
        said));
      list.append(
        el('table', {},
          el('caption', {}, caption),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Article'), el('th', { scope: 'col' }, 'DOI'), el('th', { scope: 'col' }, 'Page'), el('th', { scope: 'col' }, 'Crossref'))),
          el('tbody', {}, issue.articles.map((a) =>
            el('tr', {},
              el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => openArticle({ journal: journal.id, issue: issue.id, article: a.id }) }, a.title)),
              el('td', {}, a.doi && !a.draft && a.render === 'rendered' ? el('a', { href: publicPage(a.doi) }, a.doi) : a.doi),
              el('td', { class: `state-${a.render.split(' ')[0]}` }, a.render === 'draft' ? 'draft, not published' : a.render),
              el('td', { class: `state-${a.crossref}` }, crossrefState(a), a.deposit?.message ? el('span', { class: 'deposit-reason' }, depositReason(a.deposit)) : undefined),
            ))),
        ),
      );
    }
  }
  show('catalog', { focus });
}

/** Render and Crossref states change after a publish: the list is read again, and the focus stays on the button. */
async function refreshCatalog() {
  await loadCatalog({ focus: false });
  $('catalog-status').textContent = `States as of ${new Date().toISOString().slice(11, 19)} UTC.`;
}

/** The public page of a DOI on this stage's site (the console is served by the same distribution, under /admin/). */
const publicPage = (doi) => `/doi/${doi.split('/').map(encodeURIComponent).join('/')}/`;

// ---- issue 15, developer C: a DOI's Crossref state with the deposit ledger's reason ----
function crossrefState(a) {
  if (a.crossref === 'failed') return 'refused by Crossref';
  if (a.deposit?.state === 'submitted') return 'sent, waiting for Crossref';
  if (a.crossref === 'deposited') return a.deposit?.state === 'warning' ? 'registered, with a warning' : 'registered';
  return 'not yet registered';
}
const depositReason = (d) => `${d.state === 'warning' ? 'Warning' : 'Reason'}: ${d.message} (${d.at.slice(0, 16).replace('T', ' ')} UTC${d.batchId ? `, batch ${d.batchId}` : ''})`;
// ---- end of developer C's block ----

// ---- the article form, generated from the JSON Schema ----
const simple = (s) => s && (s.type === 'string' || s.type === 'integer' || s.type === 'number' || s.type === 'boolean' || s.enum);
const fieldId = (name) => `field-${name}`;

function buildForm(data) {
  const form = $('article-form');
  form.replaceChildren();
  const schema = state.schema;
  for (const [name, prop] of Object.entries(schema.properties)) {
    const id = fieldId(name);
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const required = (schema.required || []).includes(name);
    const example = Array.isArray(prop.examples) && prop.examples.length > 0 ? prop.examples[0] : undefined;
    const value = data[name];
    if (name === 'contributors' && prop.items && prop.items.properties) {
      state.contributors = Array.isArray(value) ? JSON.parse(JSON.stringify(value)) : [];
      form.append(el('div', { class: 'field', id: `${id}-group` }, el('h2', { id: `${id}-heading` }, 'contributors'), el('p', { class: 'hint', id: hintId }, prop.description || ''), el('p', { class: 'error-message', id: errorId }), el('div', { id })));
      renderContributors(prop.items);
      continue;
    }
    // ---- issue 15, developer G: abstracts and references as sub-forms (nested.js) ----
    if (name === 'abstract' && prop.additionalProperties) { form.append(abstractsGroup(name, prop, value)); continue; }
    if (name === 'references' && prop.items && prop.items.anyOf) { form.append(referencesGroup(name, prop, value)); continue; }
    // ---- end of developer G's block ----
    let input;
    if (simple(prop) && prop.type === 'boolean') {
      input = el('select', { id, name, 'aria-describedby': `${hintId} ${errorId}` }, el('option', { value: '' }, '(not set)'), el('option', { value: 'true' }, 'yes'), el('option', { value: 'false' }, 'no'));
      input.value = value === undefined ? '' : String(value);
    } else if (simple(prop)) {
      input = el('input', { id, name, 'aria-describedby': `${hintId} ${errorId}`, placeholder: example === undefined ? undefined : String(example), required });
      input.value = value === undefined ? '' : String(value);
    } else {
      // Nested fields (contributors, abstracts, references…) are edited as JSON in this first console.
      input = el('textarea', { id, name, 'aria-describedby': `${hintId} ${errorId}`, spellcheck: 'false', rows: value === undefined ? 3 : Math.min(20, JSON.stringify(value, null, 2).split('\n').length + 1) });
      input.value = value === undefined ? '' : JSON.stringify(value, null, 2);
    }
    form.append(
      el('div', { class: 'field', id: `${id}-group` },
        el('label', { for: id }, `${name}${required ? '' : ' (optional)'}`),
        el('p', { class: 'hint', id: hintId }, prop.description || '', simple(prop) ? '' : ' Written as JSON.'),
        el('p', { class: 'error-message', id: errorId }),
        input,
      ),
    );
  }
}

/** The form's fields as the article's data; a field that is not valid JSON is reported at the field. */
function formData() {
  const data = {};
  const problems = [];
  for (const [name, prop] of Object.entries(state.schema.properties)) {
    if (name === 'contributors' && state.contributors) {
      const contributors = readContributors();
      if (contributors.length > 0) data.contributors = contributors;
      continue;
    }
    // ---- issue 15, developer G: abstracts and references from their sub-forms ----
    if ((name === 'abstract' || name === 'references') && !$(fieldId(name)).matches('input, textarea, select')) {
      const read = name === 'abstract' ? readAbstracts() : readReferences();
      if (read.value !== undefined) data[name] = read.value;
      problems.push(...read.problems);
      continue;
    }
    // ---- end of developer G's block ----
    const raw = $(fieldId(name)).value;
    if (raw.trim() === '') continue;
    if (simple(prop) && prop.type === 'boolean') data[name] = raw === 'true';
    else if (simple(prop) && (prop.type === 'integer' || prop.type === 'number') && /^-?\d+(\.\d+)?$/.test(raw.trim())) data[name] = Number(raw);
    else if (simple(prop) || (prop.anyOf && !raw.trim().startsWith('{') && !raw.trim().startsWith('['))) data[name] = raw;
    else {
      try {
        data[name] = JSON.parse(raw);
      } catch {
        problems.push({ path: [name], message: 'This is not valid JSON', hint: 'check the brackets, quotes and commas' });
      }
    }
  }
  return { data, problems };
}

const pathText = (path) => path.reduce((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');

/** The id of the form element that shows a problem at `path`: the deepest one that exists (field-contributors-0-orcid, else field-contributors). */
function problemTarget(path) {
  path = nestedPath(path).map(String); // issue 15, developer G: abstract.fr → its sub-form's text field
  for (let n = path.length; n > 0; n--) {
    const id = fieldId(path.slice(0, n).join('-'));
    if ($(`${id}-error`)) return id;
  }
  return undefined;
}

function showProblems(problems, { focus = true } = {}) {
  for (const group of document.querySelectorAll('.field')) group.classList.remove('has-error');
  for (const m of document.querySelectorAll('#article-form .error-message')) m.textContent = '';
  for (const i of document.querySelectorAll('#article-form [aria-invalid]')) i.removeAttribute('aria-invalid');
  const list = $('error-summary-list');
  list.replaceChildren();
  $('error-summary').hidden = problems.length === 0;
  for (const p of problems) {
    const target = problemTarget(p.path.map(String));
    const text = `${p.path.length > 1 ? `${pathText(p.path)}: ` : ''}${p.message}${p.hint ? ` (${p.hint})` : ''}`;
    if (target) {
      $(`${target}-group`)?.classList.add('has-error');
      $(target).setAttribute('aria-invalid', 'true');
      const at = $(`${target}-error`);
      at.textContent = at.textContent ? `${at.textContent} ${text}` : text;
    }
    list.append(el('li', {}, target ? el('a', { href: `#${target}`, onclick: (e) => { e.preventDefault(); $(target).focus(); } }, text) : text));
  }
  if (problems.length > 0 && focus) $('error-summary').focus();
}

// ---- contributors: a sub-form per person (names, ORCID, affiliations with ROR) instead of JSON ----
const PERSON_KEYS = ['given_name', 'family_name', 'name', 'organization', 'suffix', 'orcid', 'role', 'email'];
const AFFILIATION_KEYS = ['name', 'ror', 'country'];

/** One labelled input with its hint and error line, in a group the problems can mark. */
function subField(id, label, schema, value) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const input = schema && schema.enum
    ? el('select', { id, 'aria-describedby': `${hintId} ${errorId}` }, el('option', { value: '' }, '(not set)'), schema.enum.map((v) => el('option', { value: v }, v)))
    : el('input', { id, 'aria-describedby': `${hintId} ${errorId}`, placeholder: schema && schema.examples ? String(schema.examples[0]) : undefined, autocomplete: 'off', spellcheck: 'false' });
  input.value = value === undefined ? '' : String(value);
  return el('div', { class: 'field sub', id: `${id}-group` }, el('label', { for: id }, label), el('p', { class: 'hint', id: hintId }, (schema && schema.description) || ''), el('p', { class: 'error-message', id: errorId }), input);
}

function renderContributors(itemSchema) {
  state.contributorSchema = itemSchema ?? state.contributorSchema;
  const schema = state.contributorSchema;
  const affiliationSchema = schema.properties.affiliations.items.properties;
  const box = $(fieldId('contributors'));
  box.replaceChildren(
    ...state.contributors.map((c, i) => {
      const base = fieldId(`contributors-${i}`);
      const affiliations = Array.isArray(c.affiliations) ? c.affiliations : [];
      return el('fieldset', { class: 'contributor', id: base },
        el('legend', {}, `Contributor ${i + 1}`),
        PERSON_KEYS.map((k) => subField(`${base}-${k}`, k, schema.properties[k], c[k])),
        affiliations.map((a, j) => el('fieldset', { class: 'affiliation', id: `${base}-affiliations-${j}` },
          el('legend', {}, `Affiliation ${j + 1} of contributor ${i + 1}`),
          AFFILIATION_KEYS.map((k) => subField(`${base}-affiliations-${j}-${k}`, k === 'ror' ? 'ror (ROR id)' : k, affiliationSchema[k], a[k])),
          el('button', { type: 'button', class: 'secondary', onclick: () => editContributors(() => state.contributors[i].affiliations.splice(j, 1)) }, `Remove affiliation ${j + 1} of contributor ${i + 1}`),
        )),
        el('button', { type: 'button', class: 'secondary', onclick: () => editContributors(() => { state.contributors[i].affiliations = [...(state.contributors[i].affiliations ?? []), { name: '' }]; }) }, `Add an affiliation to contributor ${i + 1}`),
        el('button', { type: 'button', class: 'secondary', onclick: () => editContributors(() => state.contributors.splice(i, 1)) }, `Remove contributor ${i + 1}`),
      );
    }),
    el('button', { type: 'button', class: 'secondary', onclick: () => editContributors(() => state.contributors.push({ given_name: '', family_name: '' })) }, 'Add a contributor'),
  );
}

/** Keeps what was typed, applies `change` (add or remove), and draws the sub-form again. */
function editContributors(change) {
  state.contributors = readContributors({ keepEmpty: true });
  change();
  renderContributors();
  checkSoon();
}

/** The contributors as the sub-form holds them; fields the form does not show (corresponding, …) are kept as they were. */
function readContributors({ keepEmpty = false } = {}) {
  return state.contributors.map((c, i) => {
    const base = fieldId(`contributors-${i}`);
    const out = { ...c };
    for (const k of PERSON_KEYS) {
      const v = $(`${base}-${k}`).value.trim();
      if (v === '' && !keepEmpty) delete out[k];
      else out[k] = v;
    }
    const affiliations = (Array.isArray(c.affiliations) ? c.affiliations : []).map((a, j) => {
      const one = { ...a };
      for (const k of AFFILIATION_KEYS) {
        const v = $(`${base}-affiliations-${j}-${k}`).value.trim();
        if (v === '' && !keepEmpty) delete one[k];
        else one[k] = v;
      }
      return one;
    });
    if (affiliations.length > 0) out.affiliations = affiliations;
    else delete out.affiliations;
    return out;
  });
}

// ---- validation as the editor types: the same check as "Check", after a pause in typing ----
let checkTimer;
let checkRun = 0;
function checkSoon() {
  window.clearTimeout(checkTimer);
  checkTimer = window.setTimeout(checkLive, 700);
}

async function checkLive() {
  if (!state.article) return;
  const { data, problems } = formData();
  if (problems.length > 0) return showProblems(problems, { focus: false });
  const run = ++checkRun;
  const { status, body } = await api('POST', '/api/admin/validate', { ...state.article, data });
  if (run !== checkRun) return; // a later check is on its way: its answer is the one to show
  if (status !== 200) return void ($('editor-status').textContent = body.message);
  showProblems(body.problems, { focus: false });
  $('editor-status').textContent = body.problems.length === 0 ? 'Checked as you type: no problems.' : `Checked as you type: ${body.problems.length} problem(s) to fix.`;
}

/** `focus: false` (the article opened again after an action on it) keeps the focus on the button just pressed. */
async function openArticle(ref, { focus = true } = {}) {
  state.article = ref;
  $('conflict').hidden = true;
  $('editor-status').textContent = '';
  $('preview').srcdoc = '';
  if (!state.schema) state.schema = await (await fetch('schema/article.schema.json')).json();
  const { status, body } = await api('GET', `/api/admin/draft?${new URLSearchParams(ref)}`);
  if (status !== 200) return void ($('catalog-list').prepend(el('p', { class: 'error-message', role: 'alert' }, body.message)));
  state.version = body.version;
  $('editor-heading').textContent = `Article ${ref.article} (${ref.journal}, ${ref.issue})`;
  $('editor-state').textContent =
    body.source === 'draft' ? `Draft version ${body.version}, not published yet.`
    : body.source === 'published draft' ? `Version ${body.version}, published ${body.published.at}. Your changes stay a draft until you publish the issue.`
    : 'As published. Your changes stay a draft until you publish the issue.';
  buildForm(body.data ?? {});
  resetGalley();
  showGalleys(body.data?.galleys); // issue 15, developer B
  show('editor', { focus });
  showProblems(body.problems ?? []);
  loadAudit();
}

async function check() {
  const { data, problems } = formData();
  if (problems.length > 0) return showProblems(problems);
  const { body } = await api('POST', '/api/admin/validate', { ...state.article, data });
  showProblems(body.problems);
  $('editor-status').textContent = body.problems.length === 0 ? 'No problems found.' : `${body.problems.length} problem(s) to fix.`;
}

async function save() {
  const { data, problems } = formData();
  if (problems.length > 0) return showProblems(problems);
  const { status, body } = await api('PUT', '/api/admin/draft', { ...state.article, version: state.version, data });
  if (status === 409) {
    const box = $('conflict');
    box.replaceChildren(
      el('h2', {}, 'Someone else saved this article'),
      el('p', {}, body.message),
      // Scrollable regions take the keyboard focus, so they can be scrolled without a mouse.
      el('h3', { id: 'theirs-heading' }, `Their version ${body.theirs?.version ?? ''}`), el('pre', { tabindex: '0', 'aria-labelledby': 'theirs-heading' }, JSON.stringify(body.theirs?.data ?? {}, null, 2)),
      el('h3', { id: 'yours-heading' }, 'Your changes'), el('pre', { tabindex: '0', 'aria-labelledby': 'yours-heading' }, JSON.stringify(body.yours.data, null, 2)),
      el('button', { type: 'button', onclick: () => { state.version = body.theirs.version; buildForm(body.theirs.data); box.hidden = true; } }, 'Start again from their version'),
    );
    box.hidden = false;
    box.focus();
    return;
  }
  if (status !== 200) return void ($('editor-status').textContent = body.message);
  state.version = body.version;
  $('editor-state').textContent = `Draft version ${body.version}, not published yet.`;
  showProblems(body.problems);
  $('editor-status').textContent = `Saved as version ${body.version}.`;
  loadAudit();
}

async function preview() {
  const { data, problems } = formData();
  if (problems.length > 0) return showProblems(problems);
  const { status, body } = await api('POST', '/api/admin/preview', { ...state.article, data });
  if (status !== 200) {
    showProblems((body.problems ?? []).filter((p) => /\/[^/]+\.ya?ml$/.test(p.file) && p.file.endsWith(`/${state.article.article}.yaml`)));
    $('editor-status').textContent = body.message;
    return;
  }
  $('preview').srcdoc = body.html;
  $('editor-status').textContent = 'Preview below: this page is not public yet.';
}

async function publish() {
  const { status, body } = await api('POST', '/api/admin/publish', { journal: state.article.journal, issue: state.article.issue });
  if (status === 422) {
    showProblems((body.problems ?? []).filter((p) => p.file.endsWith(`/${state.article.article}.yaml`)));
    $('editor-status').textContent = `${body.message} ${body.problems.length} problem(s) in the issue.`;
    return;
  }
  $('editor-status').textContent = status === 202 ? `Publishing ${body.articles.length} article(s) (batch ${body.batchId}): the pages update in a minute.` : body.message;
  loadAudit();
}

async function loadAudit() {
  const { body } = await api('GET', `/api/admin/audit?${new URLSearchParams(state.article)}`);
  $('audit').replaceChildren(...body.entries.map((e) => el('li', {}, `${e.at}: ${e.action === 'publish' ? 'published' : 'saved'} version ${e.version} by ${e.by}${e.changed.length ? ` (${e.changed.join(', ')})` : ''}`)));
  // ---- issue 15 (files, developer D): each published version, from the files or the console ----
  $('published-versions').replaceChildren(...versionItems(body.versions, el));
  $('files-since-draft').textContent = filesSinceDraftText(body.filesSinceDraft);
  $('files-since-draft').hidden = $('files-since-draft').textContent === '';
}

// ---- schedule, withdraw, retract (drafts with the files' fields), send an issue to Crossref again ----
function lifecycleAnswer(status, body, done) {
  if (status === 200 || status === 201) {
    if (typeof body.version === 'number' && status === 200) state.version = body.version;
    $('editor-status').textContent = done;
    loadAudit();
    return;
  }
  if (body.problems) showProblems(body.problems.filter((p) => p.file.endsWith(`/${state.article.article}.yaml`)));
  $('editor-status').textContent = body.message;
}

async function scheduleArticle() {
  const date = $('schedule-date').value.trim();
  const { status, body } = await api('POST', '/api/admin/schedule', { ...state.article, version: state.version, date });
  if (status === 200) await openArticle(state.article, { focus: false });
  lifecycleAnswer(status, body, `Scheduled for ${date} as version ${body.version}: publish the issue, and the article goes live by itself on that day.`);
}

async function withdrawArticle() {
  const { status, body } = await api('POST', '/api/admin/withdraw', { ...state.article, version: state.version, reason: $('lifecycle-reason').value });
  if (status === 200) await openArticle(state.article, { focus: false });
  lifecycleAnswer(status, body, `Withdrawn in draft version ${body.version}: publish the issue to replace the page with the notice.`);
}

async function retractArticle() {
  const doi = $('notice-doi').value.trim();
  const notice = $('notice-id').value.trim();
  const { status, body } = await api('POST', '/api/admin/retract', { ...state.article, notice, reason: $('lifecycle-reason').value, ...(doi ? { doi } : {}) });
  lifecycleAnswer(status, body, `Retraction notice ${notice} saved as a draft of this issue: check it, then publish the issue.`);
}

async function resendDeposit(journal, issue, where) {
  const { body } = await api('POST', '/api/admin/deposit', { journal, issue });
  where.textContent = body.message;
}

// ---- a new issue or a new article: the same check as the CLI's; nothing is created on a problem ----
const ISSUE_FIELDS = [
  ['issue', 'Issue id', 'The issue’s folder name: letters, digits, dot, dash (LI-2020).'],
  ['volume', 'volume (optional)', 'Volume exactly as printed (L stays L); give a volume, a number or both.'],
  ['number', 'number (optional)', 'Issue number exactly as printed (3, 3–4, Suppl. 2).'],
  ['year', 'year', 'The year the issue is dated, as printed on it.'],
  ['published-online', 'published online (optional)', 'When it is published online: YYYY, YYYY-MM or YYYY-MM-DD. A day to come holds its articles until then.'],
  ['published-print', 'published in print (optional)', 'When the print edition appears: YYYY, YYYY-MM or YYYY-MM-DD.'],
];
const ARTICLE_FIELDS = [
  ['article', 'Article id', 'The article’s file name without .yaml: lower-case letters, digits, dash (petrovic).'],
  ['title', 'title', 'The title in the article’s language.'],
  ['doi', 'doi (optional where the journal gives DOIs itself)', 'The DOI of the article, under the journal’s prefix.'],
];

function createForm(heading, fields, submit) {
  $('create-heading').textContent = heading;
  $('create-status').textContent = '';
  $('create-summary').hidden = true;
  const form = $('create-form');
  form.replaceChildren(
    ...fields.map(([key, label, hint]) => el('div', { class: 'field', id: `new-${key}-group` },
      el('label', { for: `new-${key}` }, label), el('p', { class: 'hint', id: `new-${key}-hint` }, hint), el('p', { class: 'error-message', id: `new-${key}-error` }),
      el('input', { id: `new-${key}`, 'aria-describedby': `new-${key}-hint new-${key}-error`, autocomplete: 'off' }))),
    el('button', { type: 'submit' }, heading),
  );
  form.onsubmit = async (event) => {
    event.preventDefault();
    const value = (key) => $(`new-${key}`).value.trim();
    const { status, body } = await submit(value);
    if (status === 201) return;
    const problems = body.problems ?? [{ path: [], message: body.message }];
    for (const [key] of fields) { $(`new-${key}-error`).textContent = ''; $(`new-${key}-group`).classList.remove('has-error'); $(`new-${key}`).removeAttribute('aria-invalid'); }
    const list = $('create-summary-list');
    list.replaceChildren();
    for (const p of problems) {
      const key = [p.path.join('-'), String(p.path[0] ?? '')].find((k) => fields.some(([f]) => f === k));
      const text = `${p.message}${p.hint ? ` (${p.hint})` : ''}`;
      if (key) {
        $(`new-${key}-group`).classList.add('has-error');
        $(`new-${key}`).setAttribute('aria-invalid', 'true');
        $(`new-${key}-error`).textContent = text;
      }
      list.append(el('li', {}, key ? el('a', { href: `#new-${key}`, onclick: (e) => { e.preventDefault(); $(`new-${key}`).focus(); } }, text) : text));
    }
    $('create-summary').hidden = false;
    $('create-summary').focus();
  };
  show('create');
  $(`new-${fields[0][0]}`).focus();
}

function newIssue(journal) {
  createForm(`New issue of ${journal.title}`, ISSUE_FIELDS, async (value) => {
    const data = {};
    for (const key of ['volume', 'number']) if (value(key)) data[key] = value(key);
    if (value('year')) data.year = /^\d+$/.test(value('year')) ? Number(value('year')) : value('year');
    const published = {};
    if (value('published-online')) published.online = value('published-online');
    if (value('published-print')) published.print = value('published-print');
    data.published = published;
    const answer = await api('POST', '/api/admin/issue', { journal: journal.id, issue: value('issue'), data });
    if (answer.status === 201) await loadCatalog();
    return answer;
  });
}

function newArticle(journal, issue, caption) {
  createForm(`New article in ${caption}`, ARTICLE_FIELDS, async (value) => {
    const data = { title: value('title') };
    if (value('doi')) data.doi = value('doi');
    const ref = { journal: journal.id, issue: issue.id, article: value('article') };
    const answer = await api('POST', '/api/admin/article', { ...ref, data });
    if (answer.status === 201) await openArticle(ref);
    return answer;
  });
}

async function start() {
  state.config = await (await fetch('/api/console/config')).json();
  $('sign-in-form').addEventListener('submit', signIn);
  $('back').addEventListener('click', () => loadCatalog());
  $('catalog-refresh').addEventListener('click', refreshCatalog);
  $('validate').addEventListener('click', check);
  $('save').addEventListener('click', save);
  $('preview-button').addEventListener('click', preview);
  $('publish').addEventListener('click', publish);
  $('create-back').addEventListener('click', () => loadCatalog());
  $('schedule').addEventListener('click', scheduleArticle);
  $('withdraw').addEventListener('click', withdrawArticle);
  $('retract').addEventListener('click', retractArticle);
  $('article-form').addEventListener('input', checkSoon);
  $('article-form').addEventListener('change', checkSoon);
  setUpToc({ api, el, $, show, loadCatalog });
  setUpGalley({ api, $, state: () => state, reopen: () => openArticle(state.article, { focus: false }) });
  setUpNested({ el, $, fieldId, checkSoon }); // issue 15, developer G
  setUpUsers({ api, el, $, show, loadCatalog }); // issue 15, developer B
  setUpGalleyRemove({ api, el, $, state: () => state, reopen: () => openArticle(state.article) }); // issue 15, developer B
  show('sign-in');
}

start();
