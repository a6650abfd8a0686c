// Staff and roles (issue 15, developer B): an administrator lists the staff, invites a new member
// (Cognito e-mails them a temporary password), gives and takes roles (administrator, editor of a
// journal), and disables or enables an account. Only an administrator sees the page's button; the
// API refuses everyone else (403) whatever the page shows. Text from the server or from staff is set
// as text (el() makes text nodes), never as markup.
let ctx;
const users = { journals: [], list: [], you: '' };

/** The groups in a Cognito access token, for showing the button only (the API checks them itself). */
function groupsOf(token) {
  try {
    const payload = JSON.parse(window.atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
  } catch {
    return [];
  }
}

function say(text, { error = false } = {}) {
  const { $ } = ctx;
  $('users-status').textContent = error ? '' : text;
  $('users-error').textContent = error ? text : '';
}

const nameOf = (sub) => users.list.find((u) => u.sub === sub)?.username ?? sub;
const statusText = (u) => `${u.enabled ? 'Can sign in' : 'Disabled: cannot sign in'}${u.status === 'FORCE_CHANGE_PASSWORD' ? ' (has not chosen a password yet)' : ''}`;
const roleName = (group) => (group === 'admin' ? 'administrator' : `editor of ${group.replace(/^editor:/, '')}`);

async function change(path, body, focusId) {
  const { api, $ } = ctx;
  const answer = await api('POST', path, body);
  if (answer.status !== 200) say(answer.body.message, { error: true });
  await load({ keepMessage: true });
  if (answer.status === 200) say(answer.body.message);
  if (focusId && $(focusId)) $(focusId).focus();
}

function roleBox(user, role, label, checked) {
  const { el } = ctx;
  const id = `role-${user.username}-${role === 'admin' ? 'admin' : role.editor}`;
  const self = role === 'admin' && user.sub === users.you;
  const box = el('input', { type: 'checkbox', id, checked, onchange: (e) => change('/api/admin/users/role', { username: user.username, role, give: e.target.checked }, id) });
  return el('div', { class: 'check' }, box, el('label', { for: id }, label, self ? ' (you)' : ''));
}

function render() {
  const { el, $ } = ctx;
  $('users-list').replaceChildren(
    el('table', {},
      el('caption', {}, `Staff (${users.list.length})`),
      el('thead', {}, el('tr', {}, ['User', 'E-mail', 'Sign-in', 'Roles', 'Account'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, users.list.map((u) =>
        el('tr', {},
          el('th', { scope: 'row' }, u.username),
          el('td', {}, u.email ?? ''),
          el('td', {}, statusText(u)),
          el('td', {}, el('fieldset', {}, el('legend', { class: 'visually-hidden' }, `Roles of ${u.username}`),
            roleBox(u, 'admin', 'Administrator', u.admin),
            users.journals.map((j) => roleBox(u, { editor: j.id }, `Editor of ${j.title}`, u.journals.includes(j.id))))),
          el('td', {}, el('button', { type: 'button', class: 'secondary', id: `enabled-${u.username}`, onclick: () => change('/api/admin/users/enabled', { username: u.username, enabled: !u.enabled }, `enabled-${u.username}`) }, `${u.enabled ? 'Disable' : 'Enable'} ${u.username}`)),
        ))),
    ),
  );
  $('invite-roles').replaceChildren(
    el('legend', {}, 'Roles'),
    el('div', { class: 'check' }, el('input', { type: 'checkbox', id: 'invite-admin' }), el('label', { for: 'invite-admin' }, 'Administrator (sees and changes every journal, and staff)')),
    ...users.journals.map((j) => el('div', { class: 'check' }, el('input', { type: 'checkbox', id: `invite-journal-${j.id}`, value: j.id }), el('label', { for: `invite-journal-${j.id}` }, `Editor of ${j.title}`))),
  );
  $('users-audit').replaceChildren(...users.audit.map((a) => el('li', {}, `${a.at.slice(0, 16).replace('T', ' ')} UTC: ${nameOf(a.by)} ${a.action === 'give role' ? 'made' : a.action === 'take role' ? 'took' : a.action === 'invite' ? 'invited' : a.action === 'disable' ? 'disabled' : 'enabled'} ${nameOf(a.user)}${a.role ? ` ${a.action === 'take role' ? 'the role' : ''} ${roleName(a.role)}`.replace(/\s+/g, ' ') : ''}`)));
}

async function load({ keepMessage = false } = {}) {
  const { api } = ctx;
  const { status, body } = await api('GET', '/api/admin/users');
  if (status !== 200) return say(body.message, { error: true });
  Object.assign(users, { journals: body.journals, list: body.users, you: body.you, audit: body.audit });
  if (!keepMessage) say('');
  render();
}

async function invite(event) {
  event.preventDefault();
  const { api, $ } = ctx;
  const journals = users.journals.map((j) => j.id).filter((id) => $(`invite-journal-${id}`).checked);
  const answer = await api('POST', '/api/admin/users', { username: $('invite-username').value.trim(), email: $('invite-email').value.trim(), journals, admin: $('invite-admin').checked });
  if (answer.status !== 201) {
    say(answer.body.message, { error: true });
    return $('users-error').focus();
  }
  $('invite-form').reset();
  await load();
  say(answer.body.message);
}

async function open() {
  ctx.show('users');
  await load();
}

/** Wires the page once; `context` is the console's { api, el, $, show, loadCatalog }. */
export function setUpUsers(context) {
  ctx = context;
  ctx.$('users-open').addEventListener('click', open);
  ctx.$('users-back').addEventListener('click', () => ctx.loadCatalog());
  ctx.$('invite-form').addEventListener('submit', invite);
}

/** After sign-in: the button to the page for administrators, nothing for anyone else. */
export function usersSignedIn(token) {
  ctx.$('users-open').hidden = !groupsOf(token).includes('admin');
}
