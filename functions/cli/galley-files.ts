/**
 * Galleys given by `path` are files beside the article's YAML; the build copies them beside the
 * landing page. This checks, before anything is written, that each one is there and that its
 * name does not take the place of one of the article's own files (`index.html`, ...).
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem, SourceFile } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import { ARTICLE_FILES } from '#core/urls';

/** Same rule as the model's galley `path` (core/model/galleys.ts); other values are the model's problem to report. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RESERVED = new Map<string, string>(Object.entries(ARTICLE_FILES).map(([kind, name]) => [name, kind]));

const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/** The galley paths an article file names: `[index, path]` for each galley given by a plain file name. */
function galleyPaths(value: unknown): [number, string][] {
  const galleys = value && typeof value === 'object' ? (value as Record<string, unknown>).galleys : undefined;
  if (!Array.isArray(galleys)) return [];
  return galleys.flatMap((g: unknown, k): [number, string][] => {
    const path = g && typeof g === 'object' ? (g as Record<string, unknown>).path : undefined;
    return typeof path === 'string' && PLAIN_NAME.test(path) ? [[k, path]] : [];
  });
}

/** Every problem with the galley files one article file names. */
export function galleyFileProblems(article: SourceFile): Problem[] {
  const yaml = parseYaml(article);
  if (!yaml.ok) return []; // the loader reports the syntax error
  const dir = dirname(article.path);
  const problems: Problem[] = [];
  for (const [k, name] of galleyPaths(yaml.value)) {
    const path = ['galleys', k, 'path'];
    const at = yaml.locate(path);
    const reserved = RESERVED.get(name);
    if (reserved !== undefined) {
      problems.push({ file: article.path, path, message: `the file name "${name}" is taken by the article's ${reserved} file`, hint: 'rename the galley file', ...at });
    } else if (!isFile(join(dir, name))) {
      problems.push({ file: article.path, path, message: `galley file "${name}" is missing: it must sit beside the article file, in ${dir}`, hint: 'copy the file there, or give the galley a url instead of a path', ...at });
    }
  }
  return problems;
}
