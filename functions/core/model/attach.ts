/**
 * Files that travel with the metadata (galleys given by `path`, an issue's cover) are checked
 * outside core: by the CLI on disk, by Ingest in the inbox. What they found, each file's SHA-256
 * and size, is written into the bundle here, so that the record of an article (and its hash)
 * changes when one of its files does, and Render knows which stored file to publish.
 */
import type { AttachedFile } from './file-kinds.ts';
import type { IssueBundle } from './resolved.ts';

/** The facts of one file named `name` by the YAML file `owner` (an article id, or `issue` for issue.yaml). */
export type FileLookup = (owner: string, name: string) => AttachedFile | undefined;

/** The owner name of issue.yaml's files (article ids are file names, never this). */
export const ISSUE_OWNER = 'issue.yaml';

/** The bundle with each galley given by path, and the issue's cover, carrying its file's facts where the lookup knows them. */
export function attachFiles(bundle: IssueBundle, lookup: FileLookup): IssueBundle {
  const { cover } = bundle.issue;
  const coverFile = cover === undefined ? undefined : lookup(ISSUE_OWNER, cover.path);
  return {
    ...bundle,
    ...(cover === undefined || coverFile === undefined ? {} : { issue: { ...bundle.issue, cover: { ...cover, file: coverFile } } }),
    articles: bundle.articles.map((article) => ({
      ...article,
      galleys: article.galleys.map((g) => {
        const file = g.path === undefined ? undefined : lookup(article.id, g.path);
        return file === undefined ? g : { ...g, file };
      }),
    })),
  };
}
