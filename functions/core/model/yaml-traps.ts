/**
 * The places where YAML reads an editor's plain text as something else: `: ` inside a title or a
 * book reference ("Belgrade: Prosveta") starts a field, ` #` starts a comment, a leading `*`, `&`,
 * `!`, `@`, `%` or backtick means something, and a text that starts with a quote mark or a bracket
 * must end with it. Each trap is recognised on its line, explained in plain words, and repaired by
 * putting the text in quotes, so the rest of the file can still be checked (yaml-source.ts).
 */

export type TrapKind = 'colon' | 'comment' | 'indicator' | 'quote' | 'bracket' | 'field';

export type Trap = {
  readonly kind: TrapKind;
  /** 0-based column where the text starts on its line. */
  readonly column: number;
  readonly text: string;
  /** The line as it should be written. */
  readonly fixed: string;
  readonly message: string;
};

/** The text in quotes that YAML reads back exactly: double quotes unless it holds `"` or `\`, then single quotes. */
export const quoteText = (text: string): string => (/["\\]/.test(text) ? `'${text.replace(/'/g, "''")}'` : `"${text}"`);

/** `  - citation: ` or `title: ` or `- `: where the value of a line starts (0-based), or undefined for a line with no value. */
export function valueStart(line: string): number | undefined {
  const m = /^(\s*(?:-[ \t]+)*)(?:([A-Za-z_][\w-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]+|$))?/.exec(line)!;
  return m[0].length < line.trimEnd().length ? m[0].length : undefined;
}

/** Splits `text # comment` (a comment needs white space before and after `#`) into the text and the rest of the line. */
function splitComment(rest: string): [text: string, comment: string] {
  const at = /[ \t]#(?:[ \t]|$)/.exec(rest);
  return at ? [rest.slice(0, at.index).trimEnd(), rest.slice(at.index)] : [rest.trimEnd(), ''];
}

const INDICATORS: Readonly<Record<string, string>> = {
  '*': 'a reference to another value (an alias)',
  '&': 'a name for the value (an anchor), and drops it',
  '!': 'a type tag, and drops it',
  '@': 'a reserved character',
  '`': 'a reserved character',
  '%': 'a directive',
  '-': 'a list item',
  '?': 'a complex key',
  '|': 'the start of a block of text',
  '>': 'the start of a block of text',
};

function kindOf(text: string): [TrapKind, string] | undefined {
  const first = text[0] ?? '';
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, 1);
    return close > 0 && close < text.length - 1 ? ['quote', `YAML reads the text up to the closing ${first} as the whole value, and cannot read what follows it`] : undefined;
  }
  if (first === '[' || first === '{') {
    return /[\]}]$/.test(text) ? undefined : ['bracket', `YAML reads text that starts with "${first}" as a ${first === '[' ? 'list' : 'mapping'}, and cannot read what follows its closing bracket`];
  }
  const indicator = INDICATORS[first];
  if (indicator && (!'-?|>'.includes(first) || /^[-?][ \t]/.test(text))) return ['indicator', `YAML reads "${first}" at the start of a text as ${indicator}`];
  if (/:(?:[ \t]|$)/.test(text)) return ['colon', 'YAML reads the ": " in this text as the start of another field'];
  if (/[ \t]#\S/.test(text)) return ['comment', `YAML reads " #" as the start of a comment, so the text stops before "${/#\S.*$/.exec(text)![0]}"`];
  return undefined;
}

/** The trap on `line`, with its text starting at `column` (the value's start when not given), if it has one. */
export function trapOn(line: string, column = valueStart(line), kind?: TrapKind): Trap | undefined {
  if (column === undefined) return undefined;
  const [text, comment] = splitComment(line.slice(column));
  if (text === '') return undefined;
  const found = kind === 'field' ? (['field', `YAML reads this text as a field named "${text.slice(0, text.search(/:(?:[ \t]|$)/))}" because of the ": " in it`] as const) : kindOf(text);
  if (!found) return undefined;
  return { kind: found[0], column, text, fixed: `${line.slice(0, column)}${quoteText(text)}${comment}`, message: found[1] };
}
