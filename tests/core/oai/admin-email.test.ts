/** Identify's adminEmail never names a placeholder while a real address exists (issue 12, High 3). */
import { describe, expect, it } from 'vitest';
import type { Journal } from '#core/model/index';
import { isPlaceholderAddress, journalAdminEmails, stageAdminEmails } from '#core/oai/admin-email';

const journal = (own: string | undefined, depositor: string): Journal => ({ id: 'j', oai_admin_email: own, crossref: { depositor: { name: 'D', email: depositor } } }) as unknown as Journal;

describe('OAI admin addresses', () => {
  it.each([
    ['the journal\'s own address first', journal('oai@j.org', 'dep@j.org'), ['oai@stage.org'], ['oai@j.org']],
    ['else the stage\'s', journal(undefined, 'dep@j.org'), ['oai@stage.org'], ['oai@stage.org']],
    ['else the depositor\'s, when the stage\'s is a placeholder', journal(undefined, 'dep@j.org'), ['oai-admin@example.org'], ['dep@j.org']],
    ['a placeholder journal address is passed over', journal('x@example.com', 'dep@j.org'), ['oai-admin@example.org'], ['dep@j.org']],
    ['the configured placeholder only when nothing real exists (non-prod stages)', journal(undefined, 'depositor@example.org'), ['oai-admin@example.org'], ['oai-admin@example.org']],
  ])('a journal repository: %s', (_, j, stage, expected) => {
    expect(journalAdminEmails(j, stage)).toEqual(expected);
  });

  it('the stage repository: the stage\'s real address, else every journal\'s real one, once each', () => {
    const journals = [journal(undefined, 'dep@a.org'), journal('oai@b.org', 'dep@b.org'), journal(undefined, 'dep@a.org'), journal(undefined, 'x@example.org')];
    expect(stageAdminEmails(journals, ['oai@stage.org'])).toEqual(['oai@stage.org']);
    expect(stageAdminEmails(journals, ['oai-admin@example.org'])).toEqual(['dep@a.org', 'oai@b.org']);
    expect(() => stageAdminEmails([], [])).toThrow(/oai.adminEmail/);
  });

  it('knows the RFC 2606 example domains', () => {
    expect(['a@example.org', 'a@sub.example.com', 'a@x.test', 'a@localhost'].every(isPlaceholderAddress)).toBe(true);
    expect(isPlaceholderAddress('a@balcanica.rs')).toBe(false);
  });
});
