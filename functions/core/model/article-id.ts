/** An article's id from its file's path: its own module so that readers of ids need not load the model's loader (Admin's cold start, issue 16). */

/** `metadata/balcanica/L-2019/edemskiy.yaml` → `edemskiy` */
export const articleId = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
