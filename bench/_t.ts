import { howToCiteAll } from '#core/cite/index';
import { caseById } from '#tests/core/cite/load';
for (const id of ['edemskiy', 'a01-petrovic', 'a02-mueller', 'a03-article-number']) { const { bundle, article } = caseById(id); for (const c of howToCiteAll(bundle, article)) console.log(id, c.style, c.locale, '\n  ', c.text); }
