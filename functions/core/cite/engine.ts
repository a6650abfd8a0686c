/**
 * citeproc-js engines, one per style and locale, built on first use and kept for the life of
 * the process: building the APA engine takes ~40 ms of CPU (all five ~70 ms), one entry then
 * 1.5–2.5 ms (nearly half of it citeproc's sorting and disambiguation, which a lone entry does
 * not need but its public API always runs). Output comes back as `InlineText`, never as HTML, so escaping
 * stays with the serialiser of whatever document the citation goes into.
 */
import CSL, { type Engine, type EngineState } from 'citeproc';
import type { InlineTag, InlineText } from '#core/model/index';
import type { CitationEngine } from './citation-engine.ts';
import { CITATION_LOCALES, CITATION_STYLE_CSL } from './csl-sources.ts';
import type { CslItem, CslName } from './csl-json.ts';
import { CitationError } from './errors.ts';
import { fnv64 } from './fingerprint.ts';
import { fromMarked, MARK, MARKERS, plainForCiteproc } from './rich-text.ts';
import { CITATION_STYLES, type CitationLocale, type CitationStyle } from './styles.ts';

/** An output format (https://citeproc-js.readthedocs.io/en/latest/running.html#setoutputformat) that marks formatted runs instead of writing HTML. */
const FORMAT = 'colophon-marked';

const wrap =
  (tag: InlineTag) =>
  (_state: EngineState, text: string | undefined): string =>
    text ? MARK.open[tag] + text + MARK.close : '';
const same = (_state: EngineState, text: string | undefined): string => text ?? '';

CSL.Output.Formats[FORMAT] = {
  // Plain text is the base: quotes from the locale's terms, no markup of its own.
  ...CSL.Output.Formats['text'],
  // Item text can never carry a marker, so the markers in the output are the processor's.
  text_escape: (text: string | undefined): string => (text ?? '').replace(MARKERS, ''),
  '@font-style/italic': wrap('i'),
  '@font-style/oblique': wrap('i'),
  '@font-weight/bold': wrap('b'),
  '@font-variant/small-caps': wrap('sc'),
  '@vertical-align/sup': wrap('sup'),
  '@vertical-align/sub': wrap('sub'),
  '@bibliography/entry': same,
  // One entry on its own: the sequence number numeric styles put in the margin means nothing.
  '@display/left-margin': (_state: EngineState, text: string | undefined): string => MARK.drop[0] + (text ?? '') + MARK.drop[1],
  '@display/right-inline': same,
  '@display/block': same,
  '@display/indent': same,
};

type Slot = {
  readonly engine: Engine;
  /** Variables left out of the items this style is given (see `UNPRINTED`). */
  readonly unread: readonly Unprinted[];
  /** The item being rendered: citeproc asks for it by id while `updateItems` runs. */
  readonly input: { current: CslItem | undefined };
  turn: 0 | 1;
};

const engines = new Map<string, Slot>();

/**
 * The style without what only matters between several items: `<sort>` keys and the citation's
 * disambiguation options (https://docs.citationstyles.org/en/stable/specification.html#sorting,
 * #disambiguation). The engine holds one item at a time, so the output is the same, and citeproc
 * no longer renders the item three times over (sort keys, ambiguity check, entry): about 30% less.
 * The `<citation>` layout is replaced by an empty one as well: Colophon asks only for bibliography
 * entries, but `updateItems` still renders each item's in-text citation for its disambiguation
 * registry (~15% of an entry's CPU). The bibliography inherits options from `<style>`, never from
 * `<citation>`; tests/core/cite/plain-citeproc.test.ts compares every style with the unmodified one.
 */
const singleEntry = (csl: string): string =>
  csl
    .replace(/<sort>[\s\S]*?<\/sort>/g, '')
    .replace(/\s(?:disambiguate-add-[a-z-]+|givenname-disambiguation-rule)="[^"]*"/g, '')
    .replace(/<citation\b[\s\S]*?<\/citation>/, '<citation><layout><text value=""/></layout></citation>');

/**
 * Item variables Colophon fills that none of its styles prints (abstract, keywords, licence,
 * online date, ISSN): citeproc deep-copies and scans every variable of an item for each style,
 * and an abstract is most of an item's text. A style that does name one keeps it (see `unread`).
 */
const UNPRINTED = ['abstract', 'keyword', 'license', 'available-date', 'ISSN'] as const satisfies readonly (keyof CslItem)[];
type Unprinted = (typeof UNPRINTED)[number];

/** The variables of `UNPRINTED` that a style never names, so never reads. */
const unread = (csl: string): readonly Unprinted[] => {
  const named = new Set([...csl.matchAll(/\svariable="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
  return UNPRINTED.filter((v) => !named.has(v));
};

function slotFor(style: CitationStyle, locale: CitationLocale): Slot {
  const key = `${style} ${locale}`;
  const hit = engines.get(key);
  if (hit) return hit;
  const input: Slot['input'] = { current: undefined };
  const sys = {
    retrieveLocale: (lang: string): string | undefined => (CITATION_LOCALES as Readonly<Record<string, string>>)[lang],
    retrieveItem: (id: string): unknown => (input.current === undefined ? undefined : { ...input.current, id }),
  };
  let engine: Engine;
  try {
    engine = new CSL.Engine(sys, singleEntry(CITATION_STYLE_CSL[style]), locale, true);
    engine.setOutputFormat(FORMAT);
  } catch (cause) {
    throw new CitationError(`citeproc could not load the ${style} style (${locale})`, { cause });
  }
  const slot: Slot = { engine, unread: unread(CITATION_STYLE_CSL[style]), input, turn: 0 };
  engines.set(key, slot);
  return slot;
}

/**
 * Builds the engine for a style now rather than on the first reference (~40 ms for APA): a
 * Lambda handler can call this at module load, in the init phase. Without a locale, the
 * one the style's guide is written for, as `howToCite` uses by default.
 */
export function prepareCitationStyle(style: CitationStyle, locale: CitationLocale = CITATION_STYLES[style].locale): void {
  slotFor(style, locale);
}

/**
 * Bump (and write engine-fingerprints.ts again: its test prints the new table) when Colophon changes how it feeds citeproc or reads its output (`forCiteproc`,
 * `singleEntry`, `UNPRINTED`, the output format, `fromMarked`, `trimInline`): citations kept with
 * article versions (stored-citations.ts) then count as stale, and are rendered again.
 */
const ENGINE_REVISION = 1;

const fingerprints = new Map<string, string>();
let localesFingerprint: string | undefined;

/**
 * What a citation in `style` and `locale` was rendered with, as a short hash: this code's revision,
 * citeproc-js's version, the style's CSL and every locale citeproc may read (its fallback en-US
 * among them). A citation kept with a record is used only while this is unchanged, so a style,
 * locale or citeproc upgrade renders every citation again. Hashed once per process (~2 ms for all).
 * Readers of kept citations use the table in engine-fingerprints.ts, which must equal this (a test
 * compares them), so that they need neither citeproc nor the CSL files.
 */
export function computeEngineFingerprint(style: CitationStyle, locale: CitationLocale): string {
  const key = `${style} ${locale}`;
  let fingerprint = fingerprints.get(key);
  if (fingerprint === undefined) {
    localesFingerprint ??= fnv64(Object.entries(CITATION_LOCALES).flat().join('\u0000'));
    fingerprint = fnv64([ENGINE_REVISION, CSL.PROCESSOR_VERSION, style, locale, localesFingerprint, CITATION_STYLE_CSL[style]].join('\u0000'));
    fingerprints.set(key, fingerprint);
  }
  return fingerprint;
}

const plainName = (name: CslName): CslName => Object.fromEntries(Object.entries(name).map(([part, value]) => [part, plainForCiteproc(value)]));
const plainNames = (names: readonly CslName[] | undefined): readonly CslName[] | undefined => names?.map(plainName);

/**
 * The item as citeproc-js must see it: the plain-text variables with `<` hidden (see
 * `plainForCiteproc`). The title is rich text already and stays as it is; the published
 * CSL-JSON file keeps the item unchanged. Exported for the test that compares every style with
 * plain citeproc-js given this same item.
 */
export function forCiteproc(item: CslItem): CslItem {
  const short = item['container-title-short'];
  const place = item['publisher-place'];
  const author = plainNames(item.author);
  const editor = plainNames(item.editor);
  const translator = plainNames(item.translator);
  return {
    ...item,
    'container-title': plainForCiteproc(item['container-title']),
    publisher: plainForCiteproc(item.publisher),
    ...(short === undefined ? {} : { 'container-title-short': plainForCiteproc(short) }),
    ...(place === undefined ? {} : { 'publisher-place': plainForCiteproc(place) }),
    ...(author === undefined ? {} : { author }),
    ...(editor === undefined ? {} : { editor }),
    ...(translator === undefined ? {} : { translator }),
  };
}

/** The item without the variables the style never reads (see `UNPRINTED`). */
function withoutUnread(item: CslItem, variables: readonly Unprinted[]): CslItem {
  const kept: { -readonly [K in keyof CslItem]: CslItem[K] } = { ...item };
  for (const variable of variables) delete kept[variable];
  return kept;
}

/**
 * One bibliography entry for one item, formatted by the style.
 *
 * The engine holds exactly one item at a time, so nothing is disambiguated against other
 * articles (no "2019a"). Its registry keeps an item it already holds without reading it again,
 * so ids alternate between two values: each call replaces the previous item and reads this one.
 */
export function renderEntry(item: CslItem, style: CitationStyle, locale: CitationLocale): InlineText {
  const slot = slotFor(style, locale);
  slot.turn = slot.turn === 0 ? 1 : 0;
  const id = `item-${slot.turn}`;
  slot.input.current = withoutUnread(forCiteproc(item), slot.unread);
  let entries: string[];
  try {
    slot.engine.updateItems([id], true);
    const bibliography = slot.engine.makeBibliography();
    entries = bibliography === false ? [] : bibliography[1];
  } catch (cause) {
    throw new CitationError(`citeproc failed on ${item.id} in ${style} (${locale})`, { cause });
  } finally {
    slot.input.current = undefined;
  }
  if (entries.length !== 1) throw new CitationError(`citeproc gave ${entries.length} entries for ${item.id} in ${style}`);
  return trimInline(fromMarked(entries[0]!));
}

/** Drops the whitespace the processor leaves around an entry, inside any leading or trailing formatting. */
export function trimInline(content: InlineText): InlineText {
  const out = [...content];
  const first = out[0];
  if (typeof first === 'string') out[0] = first.trimStart();
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (typeof last === 'string') out[lastIndex] = last.trimEnd();
  return out.filter((node) => node !== '');
}

/** citeproc-js with Colophon's styles: the engine How to Cite is given (citation-engine.ts). */
export const citeproc: CitationEngine = { renderEntry: (item, style, locale) => renderEntry(item, style, locale) };
