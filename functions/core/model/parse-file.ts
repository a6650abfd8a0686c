/**
 * One metadata file checked against its schema: its value when it is valid, what it says validly
 * when it is not (for the rules across files), every problem it has, and a way to place a rule's
 * problem at the field's line and column.
 */
import type { z } from 'zod';
import { looseParse, type Loose } from './loose.ts';
import { issueProblems } from './messages.ts';
import { FILL_IN, placeholderPaths } from './placeholders.ts';
import type { FieldPath, Problem } from './problems.ts';
import { parseYaml, type SourceFile } from './yaml-source.ts';

export type CheckedFile<T> = {
  readonly file: SourceFile;
  /** The whole file, when it has no problem of its own. */
  readonly value?: T;
  /** Its valid fields (all of `value` when there is one). */
  readonly loose: Loose<T>;
  /** The YAML as parsed (undefined when it could not be), for rules that read a field on its own. */
  readonly raw: unknown;
  /** A problem about one of its fields, at the field's line and column when the YAML could be read. */
  place(found: { readonly path: FieldPath; readonly message: string; readonly hint?: string | undefined }): Problem;
};

/** Parses and checks one file against its schema, adding every problem to `problems`. */
export function checkFile<S extends z.ZodObject>(file: SourceFile, schema: S, problems: Problem[]): CheckedFile<z.output<S>> {
  const yaml = parseYaml(file);
  const place: CheckedFile<unknown>['place'] = ({ path, message, hint }) => ({ file: file.path, path, message, ...(hint ? { hint } : {}), ...(yaml.ok ? yaml.locate(path) : {}) });
  if (!yaml.ok) {
    problems.push(...yaml.problems);
    return { file, loose: {}, raw: undefined, place };
  }
  problems.push(...yaml.traps);
  if (yaml.value === null || yaml.value === undefined) {
    problems.push({ file: file.path, path: [], message: 'the file is empty', hint: 'fill it in, or delete it', line: 1, column: 1 });
    return { file, loose: {}, raw: undefined, place };
  }
  const marks = placeholderPaths(yaml.value);
  const marked = new Set(marks.map((p) => p.join('.')));
  problems.push(...marks.map((path) => place({ path, message: `is still ${FILL_IN}`, hint: `give the value (or delete the line if the field is optional)` })));
  const result = schema.safeParse(yaml.value);
  if (result.success && yaml.traps.length + marks.length > 0) return { file, loose: result.data as Loose<z.output<S>>, raw: yaml.value, place };
  if (result.success) return { file, value: result.data, loose: result.data as Loose<z.output<S>>, raw: yaml.value, place };
  const context = { file: file.path, root: yaml.value, locate: yaml.locate, schema };
  // A field still marked FILL IN is told once, as such.
  for (const issue of result.error.issues) problems.push(...issueProblems(issue, context).filter((p) => !marked.has(p.path.join('.'))));
  return { file, loose: looseParse(schema, yaml.value), raw: yaml.value, place };
}
