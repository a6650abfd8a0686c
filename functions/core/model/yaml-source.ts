/**
 * YAML with positions: parses a file, and finds the line and column of any field path so
 * that every problem can name the exact spot in the file.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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
        return { file: file.path, path: [], message: `YAML syntax error: ${e.message.split('\n')[0]}`, line: pos.line, column: pos.col };
      }),
    };
  }
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }), locate: (path, key = false) => at(offsetOf(doc, path, key)) };
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
      offset = key || pair.value === null ? ((pair.key as Node).range?.[0] ?? offset) : ((pair.value as Node).range?.[0] ?? offset);
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
