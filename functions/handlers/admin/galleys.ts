/**
 * Galley upload from the console (issue 15), in two steps around the browser's own PUT to S3:
 * 1. `POST /api/admin/galley`: the editor names the file, its format (the model's galley formats)
 *    and its size; a wrong format, a name that does not end like it, an empty or too large file is
 *    refused here, and otherwise the answer is a presigned PUT bound to that Content-Type and that
 *    exact Content-Length, under the article's upload folder.
 * 2. `POST /api/admin/galley/attach`: after the upload, what arrived is checked as Ingest checks a
 *    galley (size, then its first bytes against the declared format: core/model/file-kinds.ts);
 *    only then is it kept by content and named in the article's `galleys` as a draft (optimistic
 *    version, audit entry) that the next publish sends through Ingest.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { uploadFolder, type GalleyUploads } from '#adapters/galley-uploads';
import type { StaffFiles } from '#adapters/staff-files';
import type { ArticleRef } from '#adapters/staff-items';
// The model's modules themselves, not its barrel: that brings the loader and the YAML parser (metadata.ts is loaded on first use).
import { fileProblem, SNIFF_BYTES } from '#core/model/file-kinds';
import { GALLEY_FORMATS, type GalleyFormat } from '#core/model/galley-formats';
import { PLAIN_FILE_NAME } from '#core/model/galleys';
import { requireJournal, type Staff } from './access.ts';
import { articleRef, BadRequest, body, json, parse, type Result } from './http.ts';

const format = z.enum(Object.keys(GALLEY_FORMATS) as [GalleyFormat, ...GalleyFormat[]]);
const name = z.string().max(100).regex(PLAIN_FILE_NAME, 'a plain file name such as article.pdf (letters, digits, dot, dash, underscore)');
const uploadBody = articleRef.extend({ name, format, size: z.number().int() });
const attachBody = articleRef.extend({ version: z.number().int().nonnegative(), key: z.string().min(1).max(1024), name, format, label: z.string().trim().min(1).max(200).optional() });

/** The endings a galley's file name may have for each format. */
const ENDINGS: Readonly<Record<GalleyFormat, readonly string[]>> = { pdf: ['.pdf'], html: ['.html', '.htm'], epub: ['.epub'], xml: ['.xml'] };

export type GalleyDeps = {
  readonly uploads: GalleyUploads;
  readonly files: StaffFiles;
  readonly maxBytes: number;
  readonly now: () => Date;
  readonly current: (ref: ArticleRef) => Promise<{ readonly version: number; readonly data: Record<string, unknown> }>;
  readonly storeDraft: (staff: Staff, ref: ArticleRef, baseVersion: number, data: Record<string, unknown>) => Promise<Result>;
};

const refOf = (input: ArticleRef): ArticleRef => ({ journal: input.journal, issue: input.issue, article: input.article });

/** 422 with the problem at the galley's field, in the words Ingest uses for a file. */
const refusedFile = (field: string, message: string, hint: string): Result => json(422, { message: `The file was not attached: ${message}. ${hint}`, problems: [{ path: [field], message, hint }] });

export function galleyRoutes(deps: GalleyDeps) {
  /** POST /api/admin/galley: a presigned PUT for one file of the declared format and size. */
  async function presign(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(uploadBody, body(event));
    const ref = refOf(input);
    requireJournal(staff, ref.journal);
    await deps.current(ref); // 404 for an article the issue does not have
    if (!ENDINGS[input.format].some((e) => input.name.toLowerCase().endsWith(e))) {
      return refusedFile('galley-file', `"${input.name}" does not end in ${ENDINGS[input.format].join(' or ')}, as a ${input.format} file does`, 'Choose the file again, or pick the format it is.');
    }
    const sizeProblem = input.size <= 0 || input.size > deps.maxBytes ? fileProblem(input.format, new Uint8Array(), Math.max(0, input.size), deps.maxBytes) : undefined;
    if (sizeProblem !== undefined) return refusedFile('galley-file', `file "${input.name}" ${sizeProblem}`, 'Choose another file.');
    const key = `${uploadFolder(ref.journal, ref.issue, ref.article)}${randomUUID()}/${input.name}`;
    const contentType = GALLEY_FORMATS[input.format];
    const url = await deps.uploads.presignPut(key, contentType, input.size);
    return json(200, { url, method: 'PUT', headers: { 'content-type': contentType }, key, maxBytes: deps.maxBytes });
  }

  /** POST /api/admin/galley/attach: checks what arrived, keeps it, and names it in the article's galleys (a draft). */
  async function attach(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(attachBody, body(event));
    const ref = refOf(input);
    requireJournal(staff, ref.journal);
    const folder = uploadFolder(ref.journal, ref.issue, ref.article);
    // Only an upload made for this article, under the name it was made for.
    if (!input.key.startsWith(folder) || !input.key.endsWith(`/${input.name}`) || input.key.slice(folder.length).split('/').length !== 2) {
      throw new BadRequest(`That upload was not made for article ${ref.journal}/${ref.issue}/${ref.article}: upload the file again.`);
    }
    const stored = await deps.uploads.head(input.key);
    if (stored === undefined) throw new BadRequest(`The upload of "${input.name}" did not arrive: upload the file again.`, 404);
    const head = await deps.uploads.firstBytes(input.key, SNIFF_BYTES);
    const problem = fileProblem(input.format, head, stored.size ?? 0, deps.maxBytes);
    if (problem !== undefined) return refusedFile('galley-file', `file "${input.name}" ${problem}`, 'Choose the right file, or the format it is, and upload it again.');
    const file = await deps.uploads.digest(input.key);
    if (file.size > deps.maxBytes) return refusedFile('galley-file', `file "${input.name}" ${fileProblem(input.format, head, file.size, deps.maxBytes) ?? 'is too large'}`, 'Choose another file.');
    await deps.uploads.keep(input.key, ref.journal, file);
    const { version, data } = await deps.current(ref);
    if (version !== input.version) {
      return json(409, { message: `Someone saved this article after you opened it (their version ${version}, yours was based on ${input.version}). Reload the article and attach the file again.` });
    }
    await deps.files.put(ref, { name: input.name, sha256: file.sha256, size: file.size, by: staff.sub, at: deps.now().toISOString() });
    const galleys = Array.isArray(data.galleys) ? (data.galleys as Record<string, unknown>[]) : [];
    const galley = { format: input.format, path: input.name, ...(input.label === undefined ? {} : { label: input.label }) };
    const at = galleys.findIndex((g) => g.path === input.name);
    const next = at >= 0 ? galleys.map((g, k) => (k === at ? galley : g)) : [...galleys, galley];
    const saved = await deps.storeDraft(staff, ref, input.version, { ...data, galleys: next });
    return saved.statusCode === 200 ? { ...saved, body: JSON.stringify({ ...(JSON.parse(String(saved.body)) as object), galley, sha256: file.sha256, size: file.size }) } : saved;
  }

  return { presign, attach };
}
