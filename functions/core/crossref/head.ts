/** `head`: who deposits, and the batch's id and timestamp (https://www.crossref.org/documentation/member-setup/direct-deposit-xml/). */
import type { Journal } from '../model/journal.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

export type BatchHead = { readonly batchId: string; readonly timestamp: string };

/** The depositor's email is the only email a deposit carries: contributors' emails are never rendered. */
export function head(journal: Journal, batch: BatchHead): XmlElement {
  const { depositor, registrant } = journal.crossref;
  return el(
    'head',
    null,
    leaf('doi_batch_id', batch.batchId),
    leaf('timestamp', batch.timestamp),
    el('depositor', null, leaf('depositor_name', depositor.name), leaf('email_address', depositor.email)),
    leaf('registrant', registrant),
  );
}
