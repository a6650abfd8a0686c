/**
 * Corpus records that cannot round-trip, by source file, each with the reason. Every one is a
 * limit of the model (a required field the source lacks, or a value its syntax cannot hold), not
 * of the importer: the import says so, and the report proposes the model changes.
 */
const NO_DOI_JATS = 'a JATS4R schematron test fragment without a DOI; the model requires one';
const NO_DOI_OJS = 'OJS test export without DOIs (the articles were never registered); the model requires a DOI';

export const EXPECTED_FAILURES: Readonly<Record<string, string>> = {
  'crossref-api-json/habanero/10.1371_journal.pone.0020476.json': 'reference "ref1" is empty in the source (a key and nothing else); an empty reference cannot be held',
  'crossref-deposits/unixsd-api-records/bolognese/10.7600_jspfsm.56.60.xml':
    'the source\'s title is empty and its original-language title is 自律神経・循環器応答: the import takes that as the title (an article needs one), so the compared title differs by design',
  'jats/jats4r/credit-test1.xml': NO_DOI_JATS,
  'jats/jats4r/display-object.xml': NO_DOI_JATS,
  'jats/jats4r/funding-test1.xml': NO_DOI_JATS,
  'ojs-native/pkp-ojs/expectedExport.ojs-3.0-2017.xml': NO_DOI_OJS,
  'ojs-native/pkp-ojs/export-issues.ojs-3.2-2020.xml': NO_DOI_OJS,
  'ojs-native/pkp-ojs/export-issues.ojs-3.4-2023.xml': NO_DOI_OJS,
  'ojs-native/pkp-ojs/lensGalley-test-issue.ojs-3.0-2017.xml': NO_DOI_OJS,
  'ojs-native/pkp-ojs/native-sample-issues.ojs-3.0-2014.xml': NO_DOI_OJS,
  'ojs-native/pkp-ojs/tests-data-60-content-issue.ojs-3.1-2020.xml': NO_DOI_OJS,
};
