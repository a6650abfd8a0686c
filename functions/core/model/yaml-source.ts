/**
 * YAML with positions: parses a file, and finds the line and column of any field path so
 * that every problem can name the exact spot in the file.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { FieldPath, Problem } from './problems.ts';

export type SourceFile = { readonly path: string; readonly text: string };

export type ParsedYaml = { readonly ok: true; readonly value: unknown; locate: (path: FieldPath, key?: boolean) => Position } | { readonly ok: false; readonly problems: Problem[] };
export type Position = { readonly line: number; readonly column: number };

/** Parses YAML 1.2 (core schema: `2023-02-01` stays a string, `L` stays `L`), rejecting duplicate keys. */
export function parseYaml(file: SourceFile): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file: file.path, path: [], ...describeError(e, file.text), line: pos.line, column: pos.col };
      }),
    };
  }
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }), locate: (path, key = false) => at(offsetOf(doc, path, key)) };
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
  if (error.code === 'TAB_AS_INDENT') return { message: 'YAML syntax error: a tab is used for indentation', hint: 'indent with spaces only' };
  return { message: `YAML syntax error: ${error.message.split('\n')[0]}` };
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
