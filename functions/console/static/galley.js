// Galley upload (issue 15, developer C): the file goes from the browser straight to the stage's inbox
// bucket, at a URL the admin API signs for exactly this file's type and size; the API then checks what
// arrived (its size, its first bytes against the format) before it names the file in the article's
// galleys as a draft. Messages from the server are set as text.
let ctx;

function fieldError(message) {
  const { $ } = ctx;
  $('galley-file-error').textContent = message;
  $('galley-field').classList.toggle('has-error', message !== '');
  if (message) $('galley-file').setAttribute('aria-invalid', 'true');
  else $('galley-file').removeAttribute('aria-invalid');
}

async function upload() {
  const { $, api } = ctx;
  const state = ctx.state();
  fieldError('');
  const file = $('galley-file').files[0];
  if (!file) {
    fieldError('Choose the file to upload.');
    return $('galley-file').focus();
  }
  const format = $('galley-format').value;
  const label = $('galley-label').value.trim();
  $('galley-status').textContent = `Uploading ${file.name} …`;
  const signed = await api('POST', '/api/admin/galley', { ...state.article, name: file.name, format, size: file.size });
  if (signed.status !== 200) {
    fieldError(signed.body.message);
    $('galley-status').textContent = 'Nothing was uploaded.';
    return $('galley-file').focus();
  }
  let sent;
  try {
    sent = await fetch(signed.body.url, { method: 'PUT', headers: signed.body.headers, body: file });
  } catch {
    sent = undefined;
  }
  if (!sent?.ok) {
    fieldError(`The upload did not finish${sent ? ` (the storage answered ${sent.status})` : ''}: check your connection and upload the file again.`);
    $('galley-status').textContent = 'Nothing was attached.';
    return $('galley-file').focus();
  }
  const attached = await api('POST', '/api/admin/galley/attach', { ...state.article, version: state.version, key: signed.body.key, name: file.name, format, ...(label ? { label } : {}) });
  if (attached.status !== 200) {
    fieldError(attached.body.message);
    $('galley-status').textContent = 'Nothing was attached.';
    return $('galley-file').focus();
  }
  // The form shows the galleys as saved now (a save from the old form would drop the new file).
  await ctx.reopen();
  $('galley-status').textContent = `Attached ${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB) as draft version ${attached.body.version}. Publish the issue to make it public.`;
}

/** Wires the block once; `context` is the console's { $, api, state(), reopen() }. */
export function setUpGalley(context) {
  ctx = context;
  ctx.$('galley-upload').addEventListener('click', upload);
}

/** Clears the block when another article opens. */
export function resetGalley() {
  if (!ctx) return;
  fieldError('');
  ctx.$('galley-file').value = '';
  ctx.$('galley-label').value = '';
  ctx.$('galley-status').textContent = '';
}
