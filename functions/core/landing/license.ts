/** The licence the article is published under, linked with `rel="license"`, and its copyright line. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { License } from '#core/model/index';
import { section, text } from './html.ts';
import type { PageContext } from './page-context.ts';

const CC = /^https?:\/\/creativecommons\.org\/(?:licenses\/([a-z-]+)\/(\d+(?:\.\d+)?)|publicdomain\/zero\/(\d+(?:\.\d+)?))\/?$/;

/** "CC BY-NC-ND 4.0" for a Creative Commons URL (https://creativecommons.org/licenses/), the URL itself otherwise. */
export function licenseName(url: string): string {
  const m = CC.exec(url);
  if (!m) return url;
  return m[3] === undefined ? `CC ${m[1]!.toUpperCase()} ${m[2]!}` : `CC0 ${m[3]}`;
}

function copyright(license: License): string | undefined {
  if (license.copyright_holder === undefined && license.copyright_year === undefined) return undefined;
  return ['©', license.copyright_year, license.copyright_holder].filter((p) => p !== undefined).join(' ');
}

export function license({ article }: PageContext): Element | undefined {
  const licence = article.license;
  if (licence === undefined) return article.free_to_read ? section('license', 'License', [h('p', 'Free to read: the journal publishes this article open access, free of charge to readers.')]) : undefined;
  const line = copyright(licence);
  return section('license', 'License', [
    line === undefined ? undefined : h('p', line),
    h('p', [text('This article is published under '), h('a', { rel: ['license'], href: licence.url }, licenseName(licence.url)), text('.')]),
  ]);
}
