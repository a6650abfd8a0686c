/** The smallest valid journal.yaml and issue.yaml, for tests that load metadata from text (prefix 10.5555). */
export const JOURNAL_YAML = `title: Test Journal
issn:
  electronic: 2049-3630
publisher:
  name: Test Press
doi_prefix: "10.5555"
base_url: https://journal.example.org
languages: [en]
crossref:
  depositor:
    name: Office
    email: office@example.org
  registrant: Test Press
`;

/** The same journal with a licence (tests whose articles must carry one). */
export const JOURNAL_WITH_LICENSE_YAML = JOURNAL_YAML.replace('crossref:\n', 'license:\n  url: https://creativecommons.org/licenses/by/4.0/\ncrossref:\n');

export const ISSUE_YAML = `volume: 1
year: 2024
published:
  online: 2024-05-01
`;
