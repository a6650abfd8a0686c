/** The page's only styling: inline, so the page makes no request to any other site. */
export const STYLE = [
  'body{font-family:Georgia,"Times New Roman",serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}',
  'a{color:#0645ad}',
  'h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}',
  'h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}',
  'h3{font-size:1rem}',
  '.sc{font-variant:small-caps}',
  '.journal,.section,.translated-title,.affiliations,.issue-info dt{color:#555}',
  '.subtitle{font-weight:normal}',
  '.authors{list-style:none;padding:0;margin:.5rem 0}',
  '.authors li{display:inline}',
  '.authors li:not(:last-child)::after{content:", "}',
  '.orcid{font-size:.85em}',
  '.issue-info{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}',
  '.issue-info dd{margin:0}',
  '.references li{margin-bottom:.5rem}',
  '.citation{padding-left:2em;text-indent:-2em}',
].join('');
