/**
 * Resumption tokens (OAI-PMH 2.0 §3.5): stateless, opaque cursors. A token carries the whole query
 * (verb, metadataPrefix, set, from, until), the snapshot instant, the position of the last item
 * sent and the counts, as base64url JSON sealed with a truncated HMAC-SHA-256. The server keeps no
 * state, a token never expires, and a token that was altered or cut fails the seal and is answered
 * with badResumptionToken. Never an offset: an offset shifts when records change, a position does not.
 */
import { fromBase64Url, hmacSha256, toBase64Url, utf8 } from './checksum.ts';
import type { JournalCursor, OaiPosition } from './source.ts';

export type ListVerb = 'ListIdentifiers' | 'ListRecords';

/** Where a list stands after one response. */
export type ListState = {
  readonly verb: ListVerb;
  readonly metadataPrefix: string;
  readonly set?: string | undefined;
  /** Second-granularity bounds, already parsed. */
  readonly from?: string | undefined;
  readonly until?: string | undefined;
  readonly asOf: string;
  readonly after: OaiPosition;
  /** Items sent so far: the next response's `cursor`. */
  readonly cursor: number;
  /** The snapshot's size: `completeListSize`. */
  readonly total: number;
  /** Where each journal of a stage-wide list stands (source.ts `JournalCursor`), when the source said. */
  readonly journals?: JournalCursor | undefined;
};

const VERSION = 1;

/** A harvest's tokens are good for a day from its first request (OAI-PMH 2.0 §3.5: `expirationDate`). */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** `Date#toISOString()` text, the only form a token of ours carries. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isInstant = (v: unknown): v is string => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v));

/** When a token of a harvest begun at `asOf` expires (ISO instant, second granularity for the XML). */
export const tokenExpiry = (asOf: string): string => `${new Date(Date.parse(asOf) + TOKEN_LIFETIME_MS).toISOString().slice(0, 19)}Z`;

/** Whether a token of a harvest begun at `asOf` is still good at `now`: not expired, and not from the future. */
export const tokenLive = (asOf: string, now: string): boolean => {
  const age = Date.parse(now) - Date.parse(asOf);
  return age >= 0 && age <= TOKEN_LIFETIME_MS;
};
const SEAL_BYTES = 12;

/** A journal's next position and share as `[changedAt, key, share]`, or 0 for none left. */
type WireCursor = Record<string, [string, string, number] | 0>;
type Wire = { v: number; vb: ListVerb; p: string; s?: string; f?: string; u?: string; a: string; t: string; k: string; c: number; n: number; j?: WireCursor };

const seal = (body: string, secret: string): string => toBase64Url(hmacSha256(utf8(`colophon-oai-token:${secret}`), utf8(body)).slice(0, SEAL_BYTES));

/** The token that continues a list; `secret` (may be empty) keys the seal. */
export function encodeToken(state: ListState, secret = ''): string {
  const wire: Wire = {
    v: VERSION,
    vb: state.verb,
    p: state.metadataPrefix,
    ...(state.set === undefined ? {} : { s: state.set }),
    ...(state.from === undefined ? {} : { f: state.from }),
    ...(state.until === undefined ? {} : { u: state.until }),
    a: state.asOf,
    t: state.after.changedAt,
    k: state.after.key,
    c: state.cursor,
    n: state.total,
    ...(state.journals === undefined ? {} : { j: Object.fromEntries(Object.entries(state.journals).map(([id, at]) => [id, at === null ? 0 : [at.next.changedAt, at.next.key, at.share]])) }),
  };
  const body = toBase64Url(utf8(JSON.stringify(wire)));
  return `${body}.${seal(body, secret)}`;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const optional = (v: unknown): boolean => v === undefined || isString(v);

/** The state a token carries, or undefined when it is not an intact token of this server for this verb. */
export function decodeToken(token: string, verb: string, secret = ''): ListState | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const body = token.slice(0, dot);
  if (token.slice(dot + 1) !== seal(body, secret)) return undefined;
  const bytes = fromBase64Url(body);
  if (bytes === undefined) return undefined;
  let wire: Partial<Wire>;
  try {
    wire = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<Wire>;
  } catch {
    return undefined;
  }
  if (wire === null || typeof wire !== 'object' || wire.v !== VERSION || wire.vb !== verb) return undefined;
  if (!isString(wire.p) || !isInstant(wire.a) || !isInstant(wire.t) || !isString(wire.k) || !isCount(wire.c) || !isCount(wire.n)) return undefined;
  if (!optional(wire.s) || !optional(wire.f) || !optional(wire.u)) return undefined;
  const journals = wire.j === undefined ? undefined : cursorOf(wire.j);
  if (journals === null) return undefined;
  return {
    verb: wire.vb,
    metadataPrefix: wire.p,
    set: wire.s,
    from: wire.f,
    until: wire.u,
    asOf: wire.a,
    after: { changedAt: wire.t, key: wire.k },
    cursor: wire.c,
    total: wire.n,
    ...(journals === undefined ? {} : { journals }),
  };
}

/** A token's journal cursor, or null when it is not one (a sealed token of ours always is). */
function cursorOf(wire: unknown): JournalCursor | null {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return null;
  const out: Record<string, { next: OaiPosition; share: number } | null> = {};
  for (const [id, at] of Object.entries(wire as Record<string, unknown>)) {
    if (at === 0) out[id] = null;
    else if (Array.isArray(at) && at.length === 3 && isInstant(at[0]) && isString(at[1]) && isCount(at[2])) out[id] = { next: { changedAt: at[0], key: at[1] }, share: at[2] };
    else return null;
  }
  return out;
}
