/**
 * Identify's adminEmail (OAI-PMH 2.0 §4.2): who harvesters write to about a repository. It must
 * reach a person, so a placeholder address (RFC 2606 example domains) is passed over wherever a
 * real one exists: a journal's repository takes the journal's own `oai_admin_email`, else the
 * stage's address, else the journal's Crossref depositor; the stage's repository takes the stage's
 * address, else every journal's. Only when no real address exists at all (a non-prod stage with
 * sample metadata: prod refuses to synthesize with a placeholder, infra/config.ts) does the
 * stage's configured address go out, since Identify must name one.
 */
import type { Journal } from '../model/journal.ts';

/** Domains reserved for examples (RFC 2606, RFC 6761): an address there reaches nobody. */
export const isPlaceholderAddress = (email: string): boolean => /@(?:[^@]*\.)?(?:example\.(?:org|com|net)|example|test|invalid|localhost)$/i.test(email.trim());

type Emails = [string, ...string[]];

/** The addresses that reach someone, each once, in order. */
const real = (emails: readonly (string | undefined)[]): string[] => [...new Set(emails.flatMap((e) => (e === undefined || e.trim() === '' || isPlaceholderAddress(e) ? [] : [e.trim()])))];

/** The stage's configured addresses, placeholders included: the last resort. */
function configured(stageEmails: readonly string[]): Emails {
  const all = stageEmails.map((e) => e.trim()).filter((e) => e !== '');
  if (all.length === 0) throw new RangeError("no OAI admin address: set the stage's oai.adminEmail (infra/config.ts)");
  return all as Emails;
}

export function journalAdminEmails(journal: Journal, stageEmails: readonly string[]): Emails {
  for (const candidates of [real([journal.oai_admin_email]), real(stageEmails), real([journal.crossref.depositor.email])]) if (candidates.length > 0) return candidates as Emails;
  return configured(stageEmails);
}

export function stageAdminEmails(journals: readonly Journal[], stageEmails: readonly string[]): Emails {
  const stage = real(stageEmails);
  if (stage.length > 0) return stage as Emails;
  const fromJournals = real(journals.flatMap((j) => real([j.oai_admin_email, j.crossref.depositor.email]).slice(0, 1)));
  return fromJournals.length > 0 ? (fromJournals as Emails) : configured(stageEmails);
}
