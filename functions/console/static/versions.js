// Issue 15 (files stay first-class): the article's published versions, each marked with where it
// came from: the metadata files (colophon publish) or the console. Shown under the console's own
// audit trail, so an editor sees a change made from the files and when. Text only, never markup.

const SOURCE = { files: 'from the metadata files (colophon publish)', console: 'from the console' };

/** One list item per published version (newest first), built with the console's `el`. */
export function versionItems(versions, el) {
  return (versions ?? []).map((v) =>
    el('li', { class: `version version-${v.source === 'console' ? 'console' : 'files'}`, 'data-source': v.source }, `${v.at}: published version ${v.version} ${SOURCE[v.source] ?? SOURCE.files}`),
  );
}

/** What to say when the files published the article after its console draft was saved ('' when they did not). */
export function filesSinceDraftText(versions) {
  if (!versions || versions.length === 0) return '';
  const list = versions.map((v) => `version ${v.version} (${v.at})`).join(', ');
  return `Changed from the metadata files after this draft was saved: ${list}. This form still shows the draft's fields: publishing from the console would put them back over those changes. Compare with the published page first, and re-enter what the files changed.`;
}
