/** Inline markup (i, b, sub, sup, sc) as JATS emphasis elements. */
import type { InlineText } from '../model/markup.ts';
import { inline, type XmlNode } from '../xml/tree.ts';
import { INLINE_NAMES } from './vocab.ts';

/** The nodes of one markup run, for any JATS element with mixed content. */
export const jatsInline = (content: InlineText): XmlNode[] => inline(content, INLINE_NAMES);
