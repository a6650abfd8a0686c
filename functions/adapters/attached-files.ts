/**
 * Files named by the metadata (galleys given by `path`, an issue's cover image), read from disk: each must be a regular
 * file beside its YAML file (not a symbolic link, nothing outside the folder: a link could publish
 * any file the editor's account can read), within the size limit, and its first bytes must match
 * the declared format (core/model/file-kinds.ts). Each problem names the YAML file, the field and
 * its line; what passes comes back with its SHA-256 and size, for the bundle
 * (core/model/attach.ts) and for upload to the stage.
 */
import { closeSync, lstatSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { DOWNLOADS_FILE } from '#core/publish/downloads';
import { ARTICLE_FILES } from '#core/urls';
import { coverFormat, DEFAULT_MAX_FILE_BYTES, fileProblem, PLAIN_FILE_NAME, SNIFF_BYTES, type AttachedFile, type FieldPath, type FileKind, type Problem, type SourceFile } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import { sha256 } from './content-hash.ts';

/** A file named by a YAML file, found and checked on disk. */
export type FileOnDisk = AttachedFile & {
  /** The YAML file that names it, as the caller named it. */
  readonly owner: string;
  /** The name it is given by (a plain file name beside `owner`). */
  readonly name: string;
  readonly kind: FileKind;
  /** Where it is on disk. */
  readonly path: string;
};

export type FilesOnDisk = { readonly problems: Problem[]; readonly files: FileOnDisk[] };

/** A file a YAML file declares: where in the YAML, its plain name and its declared kind. */
type Declared = { readonly field: FieldPath; readonly name: string; readonly kind: FileKind; readonly noun: string };

// The downloads bundle (core/publish/downloads.ts) sits beside the landing page too: a galley there would be overwritten.
const RESERVED = new Map<string, string>([...Object.entries(ARTICLE_FILES).map(([kind, name]) => [name, kind] as const), [DOWNLOADS_FILE, 'downloads']]);
const record = (value: unknown): Record<string, unknown> | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
const KINDS = new Set<string>(['pdf', 'html', 'epub', 'xml']);

/** The galleys an article file names by a plain file name with a known format (other values are the model's problem to report). */
function declaredGalleys(value: unknown): Declared[] {
  const galleys = record(value)?.galleys;
  if (!Array.isArray(galleys)) return [];
  return galleys.flatMap((g: unknown, k): Declared[] => {
    const { path, format } = record(g) ?? {};
    return typeof path === 'string' && PLAIN_FILE_NAME.test(path) && typeof format === 'string' && KINDS.has(format) ? [{ field: ['galleys', k, 'path'], name: path, kind: format as FileKind, noun: 'galley file' }] : [];
  });
}

/** issue.yaml's cover image, by a plain file name with an image ending (other values are the model's problem to report). */
function declaredCover(value: unknown): Declared[] {
  const path = record(record(value)?.cover)?.path;
  const kind = typeof path === 'string' && PLAIN_FILE_NAME.test(path) ? coverFormat(path) : undefined;
  return kind === undefined ? [] : [{ field: ['cover', 'path'], name: path as string, kind, noun: 'cover image' }];
}

/** The first bytes of a file, for its signature. */
function head(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, SNIFF_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

const inside = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !rel.includes(sep) && rel === basename(rel);
};

/** Checks one declared file; a problem message and hint, or the file's facts. */
function check(owner: SourceFile, declared: Declared, maxBytes: number): { problem: string; hint: string } | FileOnDisk {
  const dir = dirname(owner.path);
  const reserved = RESERVED.get(declared.name);
  if (reserved !== undefined) return { problem: `the file name "${declared.name}" is taken by the article's ${reserved} file`, hint: 'rename the galley file' };
  const path = join(dir, declared.name);
  const stat = lstatSync(path, { throwIfNoEntry: false });
  const what = `${declared.noun} "${declared.name}"`;
  if (stat === undefined) return { problem: `${what} is missing: it must sit beside ${basename(owner.path)}, in ${dir}`, hint: declared.noun === 'galley file' ? 'copy the file there, or give the galley a url instead of a path' : 'copy the file there' };
  if (stat.isSymbolicLink()) return { problem: `${what} is a symbolic link; only a file itself, in the folder, is published`, hint: 'copy the file into the folder in place of the link' };
  if (!stat.isFile()) return { problem: `${what} is not a file`, hint: 'name a file beside the YAML file' };
  // A plain name cannot leave the folder, but a folder reached through a link could put it elsewhere.
  if (!inside(realpathSync(dir), realpathSync(path))) return { problem: `${what} resolves outside ${dir}`, hint: 'keep the file in the folder itself' };
  const problem = fileProblem(declared.kind, head(path), stat.size, maxBytes);
  if (problem !== undefined) {
    const hint = declared.noun === 'cover image' ? `save the cover as a ${declared.kind.toUpperCase()} image, or name the file with the ending of its real format (.jpg, .png or .webp)` : `give the right format, or replace the file with the ${declared.kind.toUpperCase()} itself`;
    return { problem: `${what} ${problem}`, hint };
  }
  return { owner: owner.path, name: declared.name, kind: declared.kind, path, size: stat.size, sha256: sha256(readFileSync(path)) };
}

/** Every file the YAML file names, checked on disk. */
export function filesOnDisk(owner: SourceFile, options: { readonly maxBytes?: number } = {}): FilesOnDisk {
  const yaml = parseYaml(owner);
  if (!yaml.ok) return { problems: [], files: [] }; // the loader reports the syntax error
  const problems: Problem[] = [];
  const files: FileOnDisk[] = [];
  for (const declared of [...declaredGalleys(yaml.value), ...declaredCover(yaml.value)]) {
    const found = check(owner, declared, options.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
    if ('problem' in found) problems.push({ file: owner.path, path: declared.field, message: found.problem, hint: found.hint, ...yaml.locate(declared.field) });
    else files.push(found);
  }
  return { problems, files };
}
