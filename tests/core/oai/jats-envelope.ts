/**
 * Validation of OAI-PMH responses that carry the `jats` payload. OAI-PMH.xsd checks `<metadata>`
 * with processContents="strict", so the validator must know an element in the JATS namespace; no
 * official schema declares JATS 1.4 in a namespace, so this driver (written to a temporary folder,
 * importing the official OAI-PMH.xsd in place) declares `article` there with its content skipped.
 * The payload itself is checked separately, against the official JATS 1.4 XSD, once its
 * namespace is removed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileXsd, type XmlValidator } from '#adapters/xsd';
import { JATS_FORMAT } from '#core/oai/jats';
import { schemasDir } from '#tests/helpers/shared';

let compiled: XmlValidator | undefined;

function validator(): XmlValidator {
  if (compiled) return compiled;
  const dir = mkdtempSync(join(tmpdir(), 'oai-jats-xsd-'));
  const oai = pathToFileURL(join(schemasDir(), 'oai-pmh', 'OAI-PMH.xsd')).href;
  writeFileSync(
    join(dir, 'jats-shell.xsd'),
    `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${JATS_FORMAT.namespace}" elementFormDefault="qualified">
  <xs:element name="article">
    <xs:complexType>
      <xs:sequence><xs:any namespace="##any" processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:anyAttribute namespace="##any" processContents="skip"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`,
  );
  const driver = join(dir, 'driver.xsd');
  writeFileSync(
    driver,
    `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/" schemaLocation="${oai}"/>
  <xs:import namespace="${JATS_FORMAT.namespace}" schemaLocation="jats-shell.xsd"/>
</xs:schema>
`,
  );
  compiled = compileXsd(driver, 'the jats envelope driver').validate;
  return compiled;
}

/** Validates a response whose records carry `jats` payloads (the envelope only; payload contents are skipped). */
export const validateJatsEnvelope = (xml: string): { valid: boolean; errors: readonly string[] } => validator()(xml);
