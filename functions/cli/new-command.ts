/**
 * `colophon new issue <journal-dir> <id>` and `colophon new article <issue-dir> <name>`: a
 * commented skeleton with the `$schema` line (so the editor completes and checks fields), every
 * required field marked FILL IN (validate refuses a file that still has one) and the optional ones
 * commented out. Never overwrites a file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { FILL_IN } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';
import type { Io } from './main.ts';
import { SCHEMA_DIR } from './json-schema.ts';

export const NEW_EXIT = { ok: 0, usage: 2 } as const;

const REPO = resolve(import.meta.dirname, '../..');

/** `# yaml-language-server: $schema=…`, relative to where the file is written. */
const schemaLine = (file: string, name: 'issue' | 'article'): string => `# yaml-language-server: $schema=${relative(dirname(resolve(file)), join(REPO, SCHEMA_DIR, `${name}.schema.json`))}`;

export function issueSkeleton(file: string, id: string): string {
  return `${schemaLine(file, 'issue')}
# Issue ${id}. Replace each ${FILL_IN}; uncomment what applies. colophon validate checks it.
# Volume and number exactly as printed (L stays L); give a volume, a number or both.
volume: ${FILL_IN}
# number: 1
# The year printed on the issue.
year: ${FILL_IN}
# Publication dates as YYYY, YYYY-MM or YYYY-MM-DD: print, online or both. Articles inherit them.
published:
  online: ${FILL_IN}
  # print: 2024
# Title of a themed issue (inline markup <i> <b> <sub> <sup> <sc>).
# title: Borders and <i>Frontiers</i>
# The issue's own DOI, if it has one (under the journal's doi_prefix).
# doi: 10.NNNN/…
# Sections: articles name theirs by id.
# sections:
#   - id: articles
#     title: Articles
`;
}

/** The skeleton's DOI lines: with a doi_pattern in journal.yaml, none to fill in (Colophon gives the DOI). */
const doiLines = (pattern: string | undefined): string =>
  pattern === undefined
    ? `# The DOI, under the journal's doi_prefix (see journal.yaml), e.g. 10.2298/BALC1950375E.\ndoi: ${FILL_IN}\n`
    : `# No doi line: journal.yaml's doi_pattern (${pattern}) gives this article its DOI once its pages and
# authors are filled in. colophon validate shows it; colophon publish (or assign-dois) writes it here.
`;

export function articleSkeleton(file: string, doiPattern?: string): string {
  return `${schemaLine(file, 'article')}
# One article. Replace each ${FILL_IN}; uncomment what applies. colophon validate checks it.
# Text holding ": " or " #", or starting with [ { " ' * & ! @ %, goes in quotes.
${doiLines(doiPattern)}# Language tag of the title and text; without it, the journal's first language.
# language: en
# section: articles
# The title in the article's language (inline markup <i> <b> <sub> <sup> <sc>).
title: ${FILL_IN}
# subtitle: …
# translated_titles:
#   fr: …
# In byline order. A person: given_name and family_name (or name for a single name); an
# organisation: organization. ORCID iDs as 0000-0002-1825-0097 or https://orcid.org/….
contributors:
  - given_name: ${FILL_IN}
    family_name: ${FILL_IN}
    # orcid: 0000-0002-1825-0097
    # affiliations:
    #   - name: Institute for Balkan Studies, SASA
    #     ror: https://ror.org/05kgm8x47
    #     country: RS
# Abstracts by language tag; a blank line starts a new paragraph.
# abstract:
#   en: >-
#     First paragraph.
#
#     Second paragraph.
# keywords:
#   en: [first keyword, second keyword]
# Pages as printed (375, xiv, S12), or article_number for journals that number articles.
# pages:
#   first: 1
#   last: 20
# References, each as printed, or citation and doi.
# references:
#   - "Author, A. Title. Place: Publisher, 2000."
#   - citation: "Author, B. Article. Journal 1 (2000): 1–10."
#     doi: 10.NNNN/…
# galleys:
#   - format: pdf
#     path: article.pdf
`;
}

/** journal.yaml's doi_pattern, when the journal folder has one that reads. */
function journalDoiPattern(journalDir: string): string | undefined {
  const path = join(journalDir, 'journal.yaml');
  if (!existsSync(path)) return undefined;
  const parsed = parseYaml({ path, text: readFileSync(path, 'utf8') });
  const pattern = parsed.ok ? (parsed.value as { doi_pattern?: unknown } | null)?.doi_pattern : undefined;
  return typeof pattern === 'string' ? pattern : undefined;
}

function write(file: string, text: string, io: Pick<Io, 'out' | 'err'>): number {
  if (existsSync(file)) {
    io.err(`colophon new: ${file} exists already: nothing was written (choose another name, or edit that file)\n`);
    return NEW_EXIT.usage;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
  io.out(`wrote ${file}: fill in each ${FILL_IN}, then run colophon validate ${dirname(file)}\n`);
  return NEW_EXIT.ok;
}

export function newIssue(journalDir: string, id: string, io: Pick<Io, 'out' | 'err'>): number {
  if (!existsSync(join(journalDir, 'journal.yaml'))) {
    io.err(`colophon new issue: ${journalDir} has no journal.yaml: give a journal folder (such as metadata/balcanica)\n`);
    return NEW_EXIT.usage;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
    io.err(`colophon new issue: "${id}" is not a folder name for an issue: use letters, digits, ".", "_" and "-" (such as L-2019)\n`);
    return NEW_EXIT.usage;
  }
  const file = join(journalDir, id, 'issue.yaml');
  return write(file, issueSkeleton(file, id), io);
}

export function newArticle(issueDir: string, name: string, io: Pick<Io, 'out' | 'err'>): number {
  if (!existsSync(join(issueDir, 'issue.yaml'))) {
    io.err(`colophon new article: ${issueDir} has no issue.yaml: give an issue folder (colophon new issue makes one)\n`);
    return NEW_EXIT.usage;
  }
  const base = name.replace(/\.ya?ml$/i, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(base) || base === 'issue') {
    io.err(`colophon new article: "${name}" is not a file name for an article: use letters, digits, ".", "_" and "-" (such as edemskiy)\n`);
    return NEW_EXIT.usage;
  }
  const file = join(issueDir, `${base}.yaml`);
  return write(file, articleSkeleton(file, journalDoiPattern(dirname(resolve(issueDir)))), io);
}

/** Adds `colophon new issue|article` to the CLI. */
export function registerNew(program: Command, io: Io, setExit: (code: number) => void): Command {
  const command = program.command('new').description('write a commented skeleton of an issue or article file to fill in');
  command
    .command('issue')
    .description('write <journal-dir>/<id>/issue.yaml')
    .argument('<journal-dir>', 'the journal folder (with journal.yaml)')
    .argument('<id>', 'the issue folder name, such as L-2019')
    .action((journalDir: string, id: string) => setExit(newIssue(journalDir, id, io)));
  command
    .command('article')
    .description('write <issue-dir>/<name>.yaml')
    .argument('<issue-dir>', 'the issue folder (with issue.yaml)')
    .argument('<name>', 'the file name without .yaml, such as the first author: edemskiy')
    .action((issueDir: string, name: string) => setExit(newArticle(issueDir, name, io)));
  return command;
}
