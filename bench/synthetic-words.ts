/**
 * Word and name pools for the synthetic articles, per language: enough variety that titles,
 * abstracts and bylines differ in length, script and punctuation the way a Balkan-studies
 * journal's do (Latin with diacritics, Cyrillic, French quotes, German sharp s).
 */
export const LANGUAGES = ['en', 'fr', 'de', 'sr', 'sq', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Relative frequency of each article language (a journal publishing mostly in English). */
export const LANGUAGE_WEIGHTS: Readonly<Record<Language, number>> = { en: 45, fr: 10, de: 10, sr: 15, sq: 10, ru: 10 };

type Pool = {
  /** Content words, lower case: nouns and adjectives for titles and abstracts. */
  readonly words: readonly string[];
  /** Short function words mixed into sentences. */
  readonly glue: readonly string[];
  /** How the language quotes a phrase. */
  readonly quotes: readonly [string, string];
};

export const POOLS: Readonly<Record<Language, Pool>> = {
  en: {
    words: [
      'nationalism', 'frontier', 'diplomacy', 'archives', 'consular', 'reports', 'empire', 'Habsburg', 'Ottoman', 'Balkans',
      'Danube', 'Serbia', 'Albania', 'Macedonia', 'Bosnia', 'confrontation', 'alliance', 'memory', 'church', 'peasantry',
      'modernisation', 'identity', 'migration', 'borderlands', 'treaty', 'congress', 'revolution', 'uprising', 'intelligentsia', 'press',
      'propaganda', 'Soviet', 'Yugoslav', 'partisan', 'monastery', 'manuscript', 'epigraphy', 'Byzantine', 'medieval', 'trade',
      'merchants', 'railway', 'education', 'literacy', 'folklore', 'language', 'dialect', 'census', 'landholding', 'reform',
    ],
    glue: ['the', 'of', 'and', 'in', 'between', 'from', 'on', 'with', 'after', 'during', 'its', 'their', 'a', 'as', 'by', 'for'],
    quotes: ['\u201c', '\u201d'],
  },
  fr: {
    words: [
      'nationalisme', 'frontière', 'diplomatie', 'archives', 'rapports', 'consulaires', 'empire', 'Balkans', 'Danube', 'mémoire',
      'église', 'paysannerie', 'modernisation', 'identité', 'migration', 'traité', 'congrès', 'révolution', 'insurrection', 'presse',
      'propagande', 'monastère', 'manuscrit', 'byzantin', 'médiéval', 'commerce', 'marchands', 'chemin de fer', 'éducation', 'folklore',
      'langue', 'réforme', 'société', 'élites', 'État', 'intérêts', 'français', 'ottoman', 'serbe', 'albanais',
    ],
    glue: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'dans', 'entre', 'sur', 'après', 'pendant', 'leur', 'une', 'un', 'à', 'l\u2019'],
    quotes: ['\u00ab\u00a0', '\u00a0\u00bb'],
  },
  de: {
    words: [
      'Nationalismus', 'Grenze', 'Diplomatie', 'Archive', 'Konsulatsberichte', 'Reich', 'Habsburgermonarchie', 'Balkan', 'Donau', 'Erinnerung',
      'Kirche', 'Bauernschaft', 'Modernisierung', 'Identität', 'Migration', 'Vertrag', 'Kongress', 'Revolution', 'Aufstand', 'Presse',
      'Propaganda', 'Kloster', 'Handschrift', 'byzantinisch', 'mittelalterlich', 'Handel', 'Kaufleute', 'Eisenbahn', 'Bildung', 'Volkskunde',
      'Sprache', 'Reform', 'Gesellschaft', 'Eliten', 'Staat', 'Interessen', 'Großmächte', 'Außenpolitik', 'Straße', 'Südosteuropa',
    ],
    glue: ['der', 'die', 'das', 'und', 'im', 'in', 'zwischen', 'von', 'nach', 'während', 'ihre', 'eine', 'zur', 'zum', 'für', 'über'],
    quotes: ['\u201e', '\u201c'],
  },
  sr: {
    words: [
      'национализам', 'граница', 'дипломатија', 'архиви', 'конзуларни', 'извештаји', 'царство', 'Балкан', 'Дунав', 'сећање',
      'црква', 'сељаштво', 'модернизација', 'идентитет', 'миграција', 'уговор', 'конгрес', 'револуција', 'устанак', 'штампа',
      'пропаганда', 'манастир', 'рукопис', 'византијски', 'средњовековни', 'трговина', 'трговци', 'железница', 'образовање', 'фолклор',
      'језик', 'реформа', 'друштво', 'елите', 'држава', 'Србија', 'Београд', 'Хиландар', 'ђаци', 'џамија',
    ],
    glue: ['и', 'у', 'између', 'од', 'после', 'током', 'њихов', 'на', 'за', 'са', 'према', 'као'],
    quotes: ['\u201e', '\u201c'],
  },
  sq: {
    words: [
      'nacionalizmi', 'kufiri', 'diplomacia', 'arkivat', 'raportet', 'konsullore', 'perandoria', 'Ballkani', 'Danubi', 'kujtesa',
      'kisha', 'fshatarësia', 'modernizimi', 'identiteti', 'migrimi', 'traktati', 'kongresi', 'revolucioni', 'kryengritja', 'shtypi',
      'propaganda', 'manastiri', 'dorëshkrimi', 'bizantin', 'mesjetar', 'tregtia', 'tregtarët', 'hekurudha', 'arsimi', 'folklori',
      'gjuha', 'reforma', 'shoqëria', 'elitat', 'shteti', 'Shqipëria', 'Tirana', 'Shkodra', 'çështja', 'zhvillimi',
    ],
    glue: ['e', 'të', 'dhe', 'në', 'midis', 'nga', 'pas', 'gjatë', 'i', 'me', 'për', 'si'],
    quotes: ['\u201c', '\u201d'],
  },
  ru: {
    words: [
      'национализм', 'граница', 'дипломатия', 'архивы', 'консульские', 'донесения', 'империя', 'Балканы', 'Дунай', 'память',
      'церковь', 'крестьянство', 'модернизация', 'идентичность', 'миграция', 'договор', 'конгресс', 'революция', 'восстание', 'печать',
      'пропаганда', 'монастырь', 'рукопись', 'византийский', 'средневековый', 'торговля', 'купцы', 'железная дорога', 'образование', 'фольклор',
      'язык', 'реформа', 'общество', 'элиты', 'государство', 'Москва', 'Тирана', 'Белград', 'съезд', 'объединение',
    ],
    glue: ['и', 'в', 'между', 'от', 'после', 'во время', 'их', 'на', 'для', 'с', 'по', 'как'],
    quotes: ['\u00ab', '\u00bb'],
  },
};

/** Given and family names by naming tradition (Serbian names in both scripts, as bylines have them). */
export const NAMES: Readonly<Record<string, { readonly given: readonly string[]; readonly family: readonly string[] }>> = {
  sr: {
    given: ['Jelena', 'Miloš', 'Dragana', 'Nenad', 'Ljiljana', 'Đorđe', 'Snežana', 'Vojislav', 'Milica', 'Željko'],
    family: ['Petrović', 'Jovanović', 'Nikolić', 'Đurić', 'Marković', 'Stojanović', 'Čolović', 'Živković', 'Radić', 'Šarić'],
  },
  srCyrl: {
    given: ['Јелена', 'Милош', 'Драгана', 'Ненад', 'Љиљана', 'Ђорђе', 'Снежана', 'Војислав'],
    family: ['Петровић', 'Јовановић', 'Николић', 'Ђурић', 'Марковић', 'Стојановић', 'Чоловић', 'Живковић'],
  },
  sq: {
    given: ['Arben', 'Ardita', 'Blerina', 'Dritan', 'Elira', 'Gëzim', 'Lindita', 'Ermal', 'Mimoza', 'Shpëtim'],
    family: ['Hoxha', 'Berisha', 'Krasniqi', 'Gashi', 'Shehu', 'Dervishi', 'Çela', 'Kola', 'Marku', 'Xhafa'],
  },
  de: {
    given: ['Johannes', 'Ursula', 'Matthias', 'Brigitte', 'Jürgen', 'Katharina', 'Günther', 'Sabine', 'Florian', 'Anneliese'],
    family: ['Müller', 'Schmidt', 'Weiß', 'Groß', 'Köhler', 'Schäfer', 'Hoffmann', 'von Aretin', 'Bauer', 'Schröder'],
  },
  fr: {
    given: ['Marie-Claire', 'Jean-Baptiste', 'Hélène', 'François', 'Élodie', 'Benoît', 'Geneviève', 'Loïc', 'Anaïs', 'Thérèse'],
    family: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'de La Fontaine', 'Rousseau', 'Faure', 'Mercier', 'Béranger', 'Lévêque'],
  },
  ru: {
    given: ['Андрей', 'Ольга', 'Сергей', 'Наталья', 'Дмитрий', 'Екатерина', 'Юрий', 'Татьяна'],
    family: ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева', 'Эдемский', 'Фёдорова'],
  },
  en: {
    given: ['Andrew', 'Barbara', 'Charles', 'Diana', 'Edward', 'Frances', 'George', 'Helen', 'Ian', 'Julia'],
    family: ['Smith', 'Jelavich', 'Glenny', 'Mazower', 'Todorova', 'O\u2019Brien', 'Ramet', 'Judah', 'Malcolm', 'Fine'],
  },
};

export const MONONYMS = ['Ardita', 'Teuta', 'Dositej', 'Sava', 'Ivo', 'Gjergj'] as const;

export const ORGANIZATIONS = [
  'Balkan Archives Working Group',
  'Commission for the History of Serbian–Albanian Relations',
  'Arbeitskreis Südosteuropa & Partner',
  'Groupe de recherche « Balkans contemporains »',
  'Редакција Историјског часописа',
] as const;

/** Institutions with their countries; each gets a ROR id (synthetic, with valid check digits). */
export const INSTITUTIONS: readonly (readonly [string, string])[] = [
  ['Institute for Balkan Studies, Serbian Academy of Sciences and Arts', 'RS'],
  ['University of Belgrade, Faculty of Philosophy', 'RS'],
  ['Institute of History, Belgrade', 'RS'],
  ['Матица српска, Нови Сад', 'RS'],
  ['Akademia e Studimeve Albanologjike', 'AL'],
  ['Universiteti i Tiranës', 'AL'],
  ['Institute for Slavic Studies, Russian Academy of Sciences', 'RU'],
  ['Институт славяноведения РАН', 'RU'],
  ['Leibniz-Institut für Ost- und Südosteuropaforschung', 'DE'],
  ['Ludwig-Maximilians-Universität München', 'DE'],
  ['Universität Wien, Institut für Osteuropäische Geschichte', 'AT'],
  ['École des hautes études en sciences sociales', 'FR'],
  ['Université Paris 1 Panthéon-Sorbonne', 'FR'],
  ['University of Oxford, St Antony\u2019s College', 'GB'],
  ['School of Slavonic & East European Studies, UCL', 'GB'],
  ['Central European University', 'AT'],
  ['University of Ljubljana, Faculty of Arts', 'SI'],
  ['University of Zagreb', 'HR'],
  ['Sofia University \u201cSt. Kliment Ohridski\u201d', 'BG'],
  ['Aristotle University of Thessaloniki', 'GR'],
  ['Indiana University Bloomington', 'US'],
  ['University of North Carolina at Chapel Hill', 'US'],
];

export const FUNDERS = [
  'Ministry of Science, Technological Development and Innovation of the Republic of Serbia',
  'European Research Council',
  'Deutsche Forschungsgemeinschaft',
  'Agence nationale de la recherche',
  'Russian Science Foundation',
  'Austrian Science Fund',
  'Swiss National Science Foundation',
] as const;

export const PLACES = ['Belgrade', 'Tiranë', 'Москва', 'München', 'Paris', 'Wien', 'London', 'New York', 'Београд', 'Zagreb'] as const;

export const PUBLISHERS = ['Cambridge University Press', 'Oxford University Press', 'Prosveta', 'Böhlau', 'Karthala', 'Наука', 'Toena', 'Routledge', 'Brill'] as const;

export const PERIODICALS = ['Balcanica', 'Slavic Review', 'Südost-Forschungen', 'Revue des études slaves', 'Историјски часопис', 'Studia Albanica', 'Journal of Cold War Studies', 'Вопросы истории'] as const;
