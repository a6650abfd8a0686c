/**
 * Corpus records that cannot round-trip, by source file, each with the reason. Every one lacks in
 * its source something the model requires (a title, a publication date, an issue year) or holds a
 * value it cannot: the import says so. Records without a DOI are not here: the round trip assigns
 * theirs from a template, as `colophon import --assign-dois` does (one lacking a volume or issue
 * gets none, and its file is not imported; those records fail for the reasons below as well).
 */
const JATS4R_FRAGMENT = 'a JATS4R schematron test fragment: it has no volume or issue, so the DOI template gives it no DOI (the import is refused), and no article title, publication date or issue year, all of which the model requires';
const NO_PUBLICATION_DATE = 'OJS test export of unpublished issues (published="0", DOIs assigned from the template): nothing in it dates a publication, and the model requires a print or online date';

export const EXPECTED_FAILURES: Readonly<Record<string, string>> = {
  'crossref-api-json/habanero/10.1371_journal.pone.0020476.json': 'reference "ref1" is empty in the source (a key and nothing else); an empty reference cannot be held',
  'crossref-deposits/unixsd-api-records/bolognese/10.7600_jspfsm.56.60.xml':
    'the source\'s title is empty and its original-language title is 自律神経・循環器応答: the import takes that as the title (an article needs one), so the compared title differs by design',
  'jats/jats4r/credit-test1.xml': JATS4R_FRAGMENT,
  'jats/jats4r/display-object.xml': JATS4R_FRAGMENT,
  'jats/jats4r/funding-test1.xml': JATS4R_FRAGMENT,
  'ojs-native/pkp-ojs/expectedExport.ojs-3.0-2017.xml':
    'OJS unit-test fixture of a bare <article>: it belongs to no issue, so the DOI template has no volume or issue for it (the import is refused), and its date_published is the template variable {$currentDate}, so there is no issue year or publication date, which the model requires',
  'ojs-native/pkp-ojs/export-issues.ojs-3.2-2020.xml': NO_PUBLICATION_DATE,
  'ojs-native/pkp-ojs/export-issues.ojs-3.4-2023.xml': NO_PUBLICATION_DATE,
  'ojs-native/pkp-ojs/native-sample-issues.ojs-3.0-2014.xml':
    'the OJS sample of the native format (DOI assigned from the template): its values are the field names ("volume", "number", "year", "pages") and it has no publication date, so the issue has no year or date the model takes',
};
