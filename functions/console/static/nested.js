// Issue 15 (references as text or structured, developer G): sub-forms for the article's abstracts
// (one fieldset per language) and references (each as its printed text or as the schema's fields),
// instead of raw JSON. Built from the article JSON Schema; staff input is set as values, never markup.
// Problems from the live check land at their field: references[3].doi → #field-references-3-doi.

let ctx; // { el, $, fieldId, checkSoon }: the console's helpers, given once by setUpNested
const state = { abstracts: [], references: [], refSchema: undefined };

export function setUpNested(helpers) {
  ctx = helpers;
}

const scalar = (s) => s && (s.type === 'string' || s.type === 'integer' || s.type === 'number' || s.enum || (Array.isArray(s.anyOf) && s.anyOf.every((a) => a.type === 'string' || a.type === 'integer' || a.type === 'number')));

/** A labelled input (or textarea, or select) with its hint and error line, in a group the problems can mark. */
function field(id, label, schema, value, { multiline = false, json = false } = {}) {
  const { el } = ctx;
  const describedby = `${id}-hint ${id}-error`;
  let input;
  if (schema && schema.enum) input = el('select', { id, 'aria-describedby': describedby }, el('option', { value: '' }, '(not set)'), schema.enum.map((v) => el('option', { value: v }, v)));
  else if (multiline || json) input = el('textarea', { id, 'aria-describedby': describedby, rows: json ? 3 : 4, spellcheck: json ? 'false' : undefined });
  else input = el('input', { id, 'aria-describedby': describedby, placeholder: schema && schema.examples ? String(schema.examples[0]) : undefined, autocomplete: 'off' });
  input.value = value === undefined ? '' : json ? JSON.stringify(value) : String(value);
  const hint = `${(schema && schema.description) || ''}${json ? ' Written as JSON.' : ''}`;
  return el('div', { class: 'field sub', id: `${id}-group` }, el('label', { for: id }, label), el('p', { class: 'hint', id: `${id}-hint` }, hint), el('p', { class: 'error-message', id: `${id}-error` }), input);
}

/** The group that holds a nested field: heading, hint, a line for problems of the whole list, the sub-form. */
function group(name, prop) {
  const { el, fieldId } = ctx;
  const id = fieldId(name);
  return el('div', { class: 'field', id: `${id}-group` }, el('h2', {}, name), el('p', { class: 'hint', id: `${id}-hint` }, prop.description || ''), el('p', { class: 'error-message', id: `${id}-error` }), el('div', { id }));
}

const copy = (v) => JSON.parse(JSON.stringify(v));

// ---- abstracts: { en: "…", fr: "…" } as one fieldset per language ----
export function abstractsGroup(name, prop, value) {
  state.abstractName = name;
  state.abstractSchema = prop;
  state.abstracts = value && typeof value === 'object' ? Object.entries(value).map(([lang, text]) => ({ lang, text })) : [];
  const box = group(name, prop);
  state.abstractBox = box.lastChild;
  renderAbstracts();
  return box;
}

function renderAbstracts() {
  const { el, fieldId } = ctx;
  const name = state.abstractName;
  const langSchema = { description: 'The language of this abstract, as a language tag: en, fr, de, sr-Latn.', examples: ['en'] };
  const textSchema = { description: 'The abstract in that language; a blank line separates paragraphs.' };
  state.abstractBox.replaceChildren(
    ...state.abstracts.map((a, i) => {
      const base = fieldId(`${name}-${i}`);
      return el('fieldset', { class: 'abstract', id: `${base}-box` },
        el('legend', {}, `Abstract ${i + 1}`),
        field(`${base}-language`, 'language', langSchema, a.lang),
        field(`${base}-text`, 'text', textSchema, a.text, { multiline: true }),
        el('button', { type: 'button', class: 'secondary', onclick: () => editAbstracts(() => state.abstracts.splice(i, 1)) }, `Remove abstract ${i + 1}`),
      );
    }),
    el('button', { type: 'button', class: 'secondary', onclick: () => editAbstracts(() => state.abstracts.push({ lang: '', text: '' })) }, 'Add an abstract'),
  );
}

function typedAbstracts() {
  const { $, fieldId } = ctx;
  return state.abstracts.map((_, i) => ({ lang: $(fieldId(`${state.abstractName}-${i}-language`)).value.trim(), text: $(fieldId(`${state.abstractName}-${i}-text`)).value }));
}

function editAbstracts(change) {
  state.abstracts = typedAbstracts();
  change();
  renderAbstracts();
  ctx.checkSoon();
}

/** The abstracts as an object by language, and the problems the form itself can see (a missing or repeated language). */
export function readAbstracts() {
  const out = {};
  const problems = [];
  typedAbstracts().forEach((a, i) => {
    if (a.lang === '' && a.text.trim() === '') return;
    if (a.lang === '') problems.push({ path: [state.abstractName, i, 'language'], message: 'This abstract has no language', hint: 'write its language tag: en, fr, de' });
    else if (a.lang in out) problems.push({ path: [state.abstractName, i, 'language'], message: `Two abstracts in ${a.lang}`, hint: 'keep one abstract per language' });
    else out[a.lang] = a.text.trim();
  });
  return { value: Object.keys(out).length > 0 ? out : undefined, problems };
}

// ---- references: each the citation as printed (text) or the citation with its parts (structured) ----
export function referencesGroup(name, prop, value) {
  state.refName = name;
  state.refSchema = (prop.items.anyOf || []).find((s) => s.type === 'object' && s.properties);
  state.references = (Array.isArray(value) ? copy(value) : []).map((r) => (typeof r === 'string' ? { text: r } : { fields: r }));
  const box = group(name, prop);
  state.refBox = box.lastChild;
  renderReferences();
  return box;
}

function renderReferences() {
  const { el, fieldId } = ctx;
  const name = state.refName;
  const props = state.refSchema.properties;
  const required = state.refSchema.required || [];
  const n = state.references.length;
  state.refBox.replaceChildren(
    ...state.references.map((r, i) => {
      const base = fieldId(`${name}-${i}`);
      const structured = r.fields !== undefined;
      const what = `reference ${i + 1}`;
      return el('fieldset', { class: 'reference', id: `${base}-box` },
        el('legend', {}, `Reference ${i + 1}${structured ? ' (structured)' : ' (text)'}`),
        structured
          ? Object.entries(props).map(([k, s]) => field(`${base}-${k}`, `${k}${required.includes(k) ? '' : ' (optional)'}`, s, r.fields[k], { json: !scalar(s), multiline: k === 'citation' }))
          : field(base, 'text', { description: 'The reference as printed; inline markup <i> <b> <sub> <sup> <sc> allowed.' }, r.text, { multiline: true }),
        el('button', { type: 'button', class: 'secondary', onclick: () => editReferences(() => { state.references[i] = structured ? { text: state.references[i].fields.citation ?? '' } : { fields: { citation: state.references[i].text } }; }) }, structured ? `Edit ${what} as text only` : `Edit ${what} as structured fields`),
        i > 0 ? el('button', { type: 'button', class: 'secondary', onclick: () => editReferences(() => state.references.splice(i - 1, 0, ...state.references.splice(i, 1))) }, `Move ${what} up`) : undefined,
        i < n - 1 ? el('button', { type: 'button', class: 'secondary', onclick: () => editReferences(() => state.references.splice(i + 1, 0, ...state.references.splice(i, 1))) }, `Move ${what} down`) : undefined,
        el('button', { type: 'button', class: 'secondary', onclick: () => editReferences(() => state.references.splice(i, 1)) }, `Remove ${what}`),
      );
    }),
    el('button', { type: 'button', class: 'secondary', onclick: () => editReferences(() => state.references.push({ text: '' })) }, 'Add a reference as text'),
    el('button', { type: 'button', class: 'secondary', onclick: () => editReferences(() => state.references.push({ fields: { citation: '' } })) }, 'Add a structured reference'),
  );
}

/** Each reference as typed; `problems` collects JSON that does not parse. Fields the form left empty are dropped. */
function typedReferences(problems, keepEmpty) {
  const { $, fieldId } = ctx;
  const props = state.refSchema.properties;
  return state.references.map((r, i) => {
    const base = fieldId(`${state.refName}-${i}`);
    if (r.fields === undefined) return { text: keepEmpty ? $(base).value : $(base).value.trim() };
    const fields = {};
    for (const [k, s] of Object.entries(props)) {
      const raw = $(`${base}-${k}`).value;
      if (raw.trim() === '') {
        if (keepEmpty) fields[k] = undefined;
        continue;
      }
      if (!scalar(s)) {
        try {
          fields[k] = JSON.parse(raw);
        } catch {
          if (keepEmpty) fields[k] = r.fields[k];
          problems.push({ path: [state.refName, i, k], message: 'This is not valid JSON', hint: 'check the brackets, quotes and commas' });
        }
      } else {
        // A number stays a number while its text is unchanged (volume: 50 stays 50, not "50").
        fields[k] = typeof r.fields[k] === 'number' && String(r.fields[k]) === raw.trim() ? r.fields[k] : raw.trim();
      }
    }
    return { fields };
  });
}

function editReferences(change) {
  state.references = typedReferences([], true);
  change();
  renderReferences();
  ctx.checkSoon();
}

export function readReferences() {
  const problems = [];
  const list = typedReferences(problems, false)
    .filter((r) => (r.fields === undefined ? r.text !== '' : Object.keys(r.fields).length > 0))
    .map((r) => (r.fields === undefined ? r.text : r.fields));
  return { value: list.length > 0 ? list : undefined, problems };
}

/**
 * Where a problem's path shows in these sub-forms: abstract.fr → the text of the abstract in fr
 * (found by the language typed now). Other paths are already the fields' ids.
 */
export function nestedPath(path) {
  if (ctx && path[0] === state.abstractName && path.length >= 2 && typeof path[1] === 'string' && !/^\d+$/.test(path[1])) {
    const i = typedAbstracts().findIndex((a) => a.lang === path[1]);
    if (i >= 0) return [path[0], i, 'text'];
  }
  return path;
}
