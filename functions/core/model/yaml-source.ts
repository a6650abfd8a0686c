/**
 * YAML with positions: parses a file, and finds the line and column of any field path so
 * that every problem can name the exact spot in the file.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import { trapOn, type Trap } from './yaml-traps.ts';
import type { FieldPath, Problem } from './problems.ts';

export type SourceFile = { readonly path: string; readonly text: string };

export type ParsedYaml = { readonly ok: true; readonly value: unknown; locate: (path: FieldPath, key?: boolean) => Position; readonly traps: readonly Problem[] } | { readonly ok: false; readonly problems: Problem[] };
export type Position = { readonly line: number; readonly column: number };

/** Parses YAML 1.2 (core schema: `2023-02-01` stays a string, `L` stays `L`), rejecting duplicate keys. */
function parseText(text: string, lineCounter: LineCounter): Document {
  return parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
}

/** The first trap on a line with a syntax error, or one YAML reads silently (a comment, an anchor, a tag, text read as a field name). */
function nextTrap(doc: Document, text: string, lineCounter: LineCounter): { line: number; trap: Trap } | undefined {
  const lines = text.split('\n');
  const on = (offset: number, column?: number, kind?: Trap['kind']): { line: number; trap: Trap } | undefined => {
    const line = lineCounter.linePos(offset).line;
    const trap = trapOn(lines[line - 1] ?? '', column, kind);
    return trap ? { line, trap } : undefined;
  };
  for (const error of doc.errors) {
    const found = on(error.pos[0]);
    if (found) return found;
  }
  if (doc.errors.length > 0) return undefined;
  for (const warning of doc.warnings) if (warning.code === 'TAG_RESOLVE_FAILED') return on(warning.pos[0]);
  let found: { line: number; trap: Trap } | undefined;
  visit(doc, {
    Pair(_, pair) {
      // No field name has a space: `- Smith, J. History. Belgrade: Prosveta` is a reference, not a field.
      if (isScalar(pair.key) && pair.key.type === 'PLAIN' && /\s/.test(String(pair.key.value)) && pair.key.range) {
        found = on(pair.key.range[0], lineCounter.linePos(pair.key.range[0]).col - 1, 'field');
        if (found) return visit.BREAK;
      }
      return undefined;
    },
    Scalar(_, node) {
      if (!node.range || node.type !== 'PLAIN') return undefined;
      if (node.anchor !== undefined || /^[ \t]+#[^\s#]/.test(text.slice(node.range[1]))) {
        found = on(node.range[0]);
        if (found) return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Parses a file, recognising YAML's traps for plain text (yaml-traps.ts): each becomes a problem
 * that says what happened and shows the line in quotes, and the file is read on as if it were
 * quoted, so its other problems are found too and none is reported twice.
 */
/** Alias resolutions a file may make: metadata needs few, an alias bomb needs billions. */
const MAX_ALIASES = 100;

export function parseYaml(file: SourceFile): ParsedYaml {
  // YAML counts a lone CR (classic Mac OS line endings) as a line break, as editors do; the
  // parser does not, and would read the whole file as one line.
  let text = file.text.replace(/\r(?!\n)/g, '\n');
  const traps: Problem[] = [];
  for (let round = 0; round < 100; round += 1) {
    const lineCounter = new LineCounter();
    const doc = parseText(text, lineCounter);
    const next = nextTrap(doc, text, lineCounter);
    if (next) {
      const lines = text.split('\n');
      lines[next.line - 1] = next.trap.fixed;
      traps.push({ file: file.path, path: [], message: next.trap.message, hint: `put the text in quotes: ${next.trap.fixed.trim()}`, line: next.line, column: next.trap.column + 1 });
      text = lines.join('\n');
      continue;
    }
    if (doc.errors.length > 0) {
      // One problem per line: YAML's follow-on errors on the same line say nothing more.
      const lines = new Set<number>(traps.map((t) => t.line!));
      const errors = doc.errors.flatMap((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        if (lines.has(pos.line)) return [];
        lines.add(pos.line);
        return [{ file: file.path, path: [], ...describeError(e, text), line: pos.line, column: pos.col }];
      });
      return { ok: false, problems: [...traps, ...errors] };
    }
    const at = (offset: number): Position => {
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    };
    keepBlankLines(doc, text);
    // A repair changes only its own line: the quoted text starts where the plain text did.
    const placed = traps.map((t) => ({ ...t, path: pathAt(doc, lineCounter.lineStarts[t.line! - 1]! + t.column! - 1) }));
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      // The yaml library's guard against alias bombs (a few lines that expand to billions of values).
      if (!(error instanceof ReferenceError)) throw error;
      return { ok: false, problems: [...traps, { file: file.path, path: [], message: `uses YAML aliases (*name) more than ${MAX_ALIASES} times, which Colophon does not expand`, hint: 'write the values out instead of repeating them through &anchors and *aliases', line: 1, column: 1 }] };
    }
    return { ok: true, value, locate: (path, key = false) => at(offsetOf(doc, path, key)), traps: placed };
  }
  return { ok: false, problems: traps };
}

/**
 * A blank line is a paragraph break however the text is written. YAML folds `>`, `>-`, plain and
 * quoted text: each single line break becomes a space and each blank line one line break (YAML
 * 1.2, 6.5 "Line Folding"), so the editor's blank line arrives as "\n". Only `|` keeps line breaks
 * as written. Folded text gets its blank lines back, and every reader of the model (abstract
 * paragraphs above all) sees what the editor wrote in either style.
 */
function keepBlankLines(doc: Document, text: string): void {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || node.type === 'BLOCK_LITERAL' || !node.value.includes('\n')) return;
      // Only folding turns a typed blank line into one "\n"; an escaped line break in double quotes
      // ("a\nb") is a character the editor wrote, kept as it is.
      const source = node.range ? text.slice(node.range[0], node.range[1]) : '';
      if (!/[\r\n]/.test(source) || (node.type === 'QUOTE_DOUBLE' && /\\[nrLP]/.test(source))) return;
      node.value = node.value.replace(/\n/g, '\n\n');
    },
  });
}

/** The field path of the value that starts at `offset` (a repaired trap's text). */
function pathAt(doc: Document, offset: number): FieldPath {
  const walk = (node: unknown, path: FieldPath): FieldPath | undefined => {
    if (isScalar(node)) return node.range?.[0] === offset ? path : undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const found = isScalar(pair.key) ? walk(pair.value, [...path, String(pair.key.value)]) : undefined;
        if (found) return found;
      }
    }
    if (isSeq(node)) for (const [k, item] of node.items.entries()) {
      const found = walk(item, [...path, k]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(doc.contents, []) ?? [];
}

/** The YAML library's words, made plainer where an editor would otherwise be puzzled. */
function describeError(error: YAMLError, text: string): Pick<Problem, 'message' | 'hint'> {
  if (error.code === 'DUPLICATE_KEY') {
    const raw = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#\n]*?)\s*:/.exec(text.slice(error.pos[0]))?.[1] ?? '';
    const key = raw.replace(/^["']|["']$/g, '');
    return { message: `the field ${key ? `"${key}" ` : ''}appears twice in the same mapping`, hint: 'keep one of them' };
  }
  if (error.code === 'MULTIPLE_DOCS') {
    return { message: 'the file holds more than one YAML document (a --- line starts another)', hint: 'one file describes one journal, issue or article: move the rest to its own file' };
  }
  if (error.code === 'TAB_AS_INDENT') return { message: 'YAML syntax error: a tab is used for indentation', hint: 'indent with spaces only: replace the tab at the start of this line with spaces, lined up with the lines around it' };
  return { message: `YAML syntax error: ${error.message.split('\n')[0]}`, hint: 'check the brackets, quotes and indentation on this line; text that holds ": " or " #", or starts with [ { " \' * & ! @ %, goes in quotes' };
}

/** The offset of the deepest node on `path` that exists (the key when `key` is set, for unknown keys). */
function offsetOf(doc: Document, path: FieldPath, key: boolean): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const part of path) {
    if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
    const items = (node as { items: unknown[] }).items;
    let next: unknown;
    if (isMap(node)) {
      const pair = items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!isPair(pair)) break;
      // An empty value (`title:`) has no text of its own: point at its key.
      const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null && pair.value.source === '');
      offset = key || empty ? ((pair.key as Node).range?.[0] ?? offset) : ((pair.value as Node).range?.[0] ?? offset);
      next = pair.value;
    } else {
      next = typeof part === 'number' ? items[part] : undefined;
      if (!next) break;
      offset = (next as Node).range?.[0] ?? offset;
    }
    node = next;
  }
  return offset;
}
