/** The galley readers and indexers treat as the article's full text. */
import type { Article, Galley } from '#core/model/index';

/** The first PDF galley: the file Google Scholar's `citation_pdf_url` and RIS `L1` point to. */
export const pdfGalley = (article: Article): Galley | undefined => article.galleys.find((g) => g.format === 'pdf');
