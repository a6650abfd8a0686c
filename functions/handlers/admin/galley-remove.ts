/**
 * Removing a galley from an article (issue 15), the console's equivalent of deleting its entry from
 * the article's YAML: `POST /api/admin/galley/remove` takes the galley out of the article's `galleys`
 * as the next draft version (optimistic version, audit entry). The next publish no longer lists or
 * links it. Nothing is deleted from storage: the file an earlier published version links stays
 * where it is (its URL keeps working), and the inbox keeps every batch's files.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import type { ArticleRef } from '#adapters/staff-items';
import { requireJournal, type Staff } from './access.ts';
import { articleRef, BadRequest, body, json, parse, type Result } from './http.ts';

const removeBody = articleRef.extend({ version: z.number().int().nonnegative(), path: z.string().min(1).max(300) });

export type GalleyRemoveDeps = {
  readonly current: (ref: ArticleRef) => Promise<{ readonly version: number; readonly data: Record<string, unknown> }>;
  readonly storeDraft: (staff: Staff, ref: ArticleRef, baseVersion: number, data: Record<string, unknown>) => Promise<Result>;
};

/** What readers see of a galley when it is removed: its link text, else its file name. */
const named = (galley: Record<string, unknown>): string => String(galley.label ?? galley.path ?? galley.url ?? 'the galley');

export function galleyRemoveRoute(deps: GalleyRemoveDeps) {
  return async function remove(staff: Staff, event: APIGatewayProxyEventV2): Promise<Result> {
    const input = parse(removeBody, body(event));
    const ref = { journal: input.journal, issue: input.issue, article: input.article };
    requireJournal(staff, ref.journal);
    const { version, data } = await deps.current(ref);
    if (version !== input.version) {
      return json(409, { message: `Someone saved this article after you opened it (their version ${version}, yours was based on ${input.version}). Reload the article and remove the file again.` });
    }
    const galleys = Array.isArray(data.galleys) ? (data.galleys as Record<string, unknown>[]) : [];
    const kept = galleys.filter((g) => g.path !== input.path && g.url !== input.path);
    if (kept.length === galleys.length) throw new BadRequest(`Article ${ref.article} has no galley "${input.path}" (any more): reload the article to see its galleys.`, 404);
    const removed = galleys.find((g) => g.path === input.path || g.url === input.path)!;
    const { galleys: _dropped, ...rest } = data;
    const saved = await deps.storeDraft(staff, ref, input.version, kept.length === 0 ? rest : { ...rest, galleys: kept });
    if (saved.statusCode !== 200) return saved;
    const message = `Removed ${named(removed)} from the draft (version ${(JSON.parse(String(saved.body)) as { version: number }).version}). Publish the issue and the new version no longer lists or links it. Versions already published keep their link: the file is not deleted, so nothing published is lost.`;
    return { ...saved, body: JSON.stringify({ ...(JSON.parse(String(saved.body)) as object), removed, message }) };
  };
}
