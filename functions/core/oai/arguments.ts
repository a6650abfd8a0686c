/**
 * Parses and checks a request's arguments (OAI-PMH 2.0 §3.1.1, §3.6, §4): the verb, then each
 * argument against what that verb takes. Everything wrong is reported at once, as the errors the
 * specification names: badVerb, or badArgument for an illegal, missing, repeated or malformed
 * argument. What can only be judged against the data (unknown format, identifier, token) is the
 * verbs' job.
 */
import { parseBound, type DateBound } from './datestamp.ts';
import { ARGUMENT_NAMES, isVerb, oaiError, VERB_ARGUMENTS, type ArgumentName, type OaiError, type Verb } from './vocab.ts';

/** The arguments as the request carried them, in order (repeats kept, so that they can be refused). */
export type RawArguments = readonly (readonly [string, string])[];

export type ListStart = {
  readonly metadataPrefix: string;
  readonly from?: DateBound | undefined;
  readonly until?: DateBound | undefined;
  readonly set?: string | undefined;
};

export type OaiRequest =
  | { readonly verb: 'Identify' }
  | { readonly verb: 'ListMetadataFormats'; readonly identifier?: string | undefined }
  | { readonly verb: 'ListSets'; readonly resumptionToken?: string | undefined }
  | { readonly verb: 'GetRecord'; readonly identifier: string; readonly metadataPrefix: string }
  | { readonly verb: 'ListIdentifiers' | 'ListRecords'; readonly start: ListStart }
  | { readonly verb: 'ListIdentifiers' | 'ListRecords'; readonly resumptionToken: string };

/** A request that can be answered, with the arguments to echo in `<request>` (§3.2). */
export type Parsed = { readonly ok: true; readonly request: OaiRequest; readonly echo: Readonly<Record<string, string>> } | { readonly ok: false; readonly errors: readonly OaiError[] };

/** The value patterns of OAI-PMH.xsd: anything else could not even be echoed in a valid response. */
const PATTERNS: Partial<Record<ArgumentName, RegExp>> = {
  metadataPrefix: /^[A-Za-z0-9\-_.!~*'()]+$/,
  set: /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/,
  identifier: /^[^\s<>"{}|\\^`]+$/,
};

const isArgumentName = (name: string): name is ArgumentName => (ARGUMENT_NAMES as readonly string[]).includes(name);

/** Characters XML 1.0 cannot carry (https://www.w3.org/TR/xml/#charsets): echoed, they would make the response not well-formed. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A request value as a message quotes it: JSON-escaped (no control character gets through) and cut to 100 characters. */
const quote = (value: string): string => JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value).replace(/[\uFFFE\uFFFF]/g, '\uFFFD');

/** At most this many errors in one response; a request with more gets one more saying how many were left out. */
export const MAX_ERRORS = 20;

/** Checks the verb and its arguments; the first step of answering any request. */
export function parseArguments(raw: RawArguments): Parsed {
  const verbs = raw.filter(([name]) => name === 'verb').map(([, value]) => value);
  if (verbs.length === 0) return { ok: false, errors: [oaiError('badVerb', 'The request has no verb argument.')] };
  if (verbs.length > 1) return { ok: false, errors: [oaiError('badVerb', 'The verb argument is repeated.')] };
  const verb = verbs[0]!;
  if (!isVerb(verb)) return { ok: false, errors: [oaiError('badVerb', `${quote(verb)} is not an OAI-PMH verb.`)] };

  const errors: OaiError[] = [];
  const args = new Map<ArgumentName, string>();
  const rule = VERB_ARGUMENTS[verb];
  const allowed = new Set<string>([...rule.required, ...rule.optional, ...(rule.exclusive ? [rule.exclusive] : [])]);
  for (const [name, value] of raw) {
    if (name === 'verb') continue;
    if (!isArgumentName(name) || !allowed.has(name)) errors.push(oaiError('badArgument', `${verb} does not take the argument ${quote(name)}.`));
    else if (args.has(name)) errors.push(oaiError('badArgument', `The argument "${name}" is repeated.`));
    else if (value === '') errors.push(oaiError('badArgument', `The argument "${name}" has no value.`));
    else if (NOT_XML.test(value)) errors.push(oaiError('badArgument', `The argument "${name}" holds a control character, which no OAI-PMH value has.`));
    else if (PATTERNS[name] !== undefined && !PATTERNS[name].test(value)) errors.push(oaiError('badArgument', `${quote(value)} is not a legal value of ${name}.`));
    else args.set(name, value);
  }
  if (rule.exclusive !== undefined && args.has(rule.exclusive)) {
    if (raw.some(([name]) => name !== 'verb' && name !== rule.exclusive)) errors.push(oaiError('badArgument', `${rule.exclusive} is an exclusive argument: give it alone.`));
  } else {
    for (const name of rule.required) if (!args.has(name) && !raw.some(([n]) => n === name)) errors.push(oaiError('badArgument', `${verb} needs the argument "${name}".`));
  }
  const from = bound(args, 'from', errors);
  const until = bound(args, 'until', errors);
  if (from && until) {
    if (from.granularity !== until.granularity) errors.push(oaiError('badArgument', 'from and until must have the same granularity.'));
    else if (from.value > until.value) errors.push(oaiError('badArgument', 'from is later than until.'));
  }
  if (errors.length > MAX_ERRORS) return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), oaiError('badArgument', `${errors.length - MAX_ERRORS} more problems with the arguments are left out.`)] };
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, request: toRequest(verb, args, from, until), echo: Object.fromEntries(args) };
}

function bound(args: Map<ArgumentName, string>, side: 'from' | 'until', errors: OaiError[]): DateBound | undefined {
  const value = args.get(side);
  if (value === undefined) return undefined;
  const parsed = parseBound(value, side);
  if (!parsed) errors.push(oaiError('badArgument', `${side}=${quote(value)} is not a datestamp: use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`));
  return parsed;
}

function toRequest(verb: Verb, args: Map<ArgumentName, string>, from: DateBound | undefined, until: DateBound | undefined): OaiRequest {
  const get = (name: ArgumentName): string => args.get(name)!;
  switch (verb) {
    case 'Identify':
      return { verb };
    case 'ListMetadataFormats':
      return { verb, identifier: args.get('identifier') };
    case 'ListSets':
      return { verb, resumptionToken: args.get('resumptionToken') };
    case 'GetRecord':
      return { verb, identifier: get('identifier'), metadataPrefix: get('metadataPrefix') };
    case 'ListIdentifiers':
    case 'ListRecords':
      if (args.has('resumptionToken')) return { verb, resumptionToken: get('resumptionToken') };
      return { verb, start: { metadataPrefix: get('metadataPrefix'), from, until, set: args.get('set') } };
  }
}
