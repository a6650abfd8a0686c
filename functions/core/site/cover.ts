/**
 * An issue's cover image with its text alternative, on the issue page and on the home page while
 * the issue is current. Shown only once its file has been checked (it then carries the file's
 * facts, model/attach.ts): the file is then published beside the issue page, so the image never
 * points at a file the site does not have.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Issue, Journal } from '#core/model/index';
import { coverUrl } from '#core/urls';
import type { Linker } from './chrome.ts';

/** https://html.spec.whatwg.org/multipage/embedded-content.html#alt (the alt text is required by the model). */
export function coverFigure(journal: Journal, href: Linker, issue: Issue): Element | undefined {
  const { cover } = issue;
  if (cover?.file === undefined) return undefined;
  return h('figure', { className: ['cover'] }, [h('img', { src: href(coverUrl(journal, issue.id, cover)), alt: cover.alt })]);
}
