/**
 * Crossref's own texts, quoted exactly; BEHAVIOUR.md says where each comes from.
 */
export const MESSAGES = {
  added: 'Successfully added',
  updated: 'Successfully updated',
  addedWithConflict: 'Added with conflict',
  updatedWithConflict: 'Updated with conflict',
  /** `{0}` is the submitted timestamp. */
  timestamp: (submitted: string): string => `Record not processed because submitted version: ${submitted} is less or equal to previously submitted version (DOI match)`,
  prefix: (prefix: string): string => `User not allowed to add records for prefix: ${prefix}`,
  /** The schema-failure wording seen in real logs; the error itself is libxml2's, not Xerces' `cvc-…` text. */
  schema: (detail: string): string => `Error validating schema crossref5.4.0.xsd : Error: ${detail}`,
  receipt: 'Your batch submission was successfully received.',
} as const;

/** The receipt page of `/servlet/deposit`, as Crossref's production and test systems answer it. */
export const RECEIPT_PAGE = `<html>\n<head><title>SUCCESS</title>\n</head>\n<body>\n<h2>SUCCESS</h2>\n<p>${MESSAGES.receipt}</p>\n</body>\n</html>\n`;
