// Labels of the page and the widget, in French and English. The verdicts and
// relations come from the core as keys ("disputed"); readers see these.

/** Verdicts in the order the summary shows them. */
export const VERDICTS = ['corroborated', 'contradicted', 'disputed', 'related', 'unverified'];

/** A glyph per verdict, so that colour is never the only signal. */
export const VERDICT_ICONS = {
  corroborated: '✓',
  contradicted: '✗',
  disputed: '±',
  related: '~',
  unverified: '?',
};

export const RELATION_ICONS = {
  corroborates: '✓',
  contradicts: '✗',
  related: '~',
};

const LABELS = {
  en: {
    pageTitle: 'recoupe — check the figures of an article',
    tagline: 'Checks the figures of a news article against other sources. Everything runs in this page: nothing you paste leaves your browser.',
    labelsLang: 'Labels',
    labelsAuto: 'Article’s language',
    widgetDemo: 'The widget on a news page',
    editAll: 'Edit the whole text',
    largeInfo: 'A long text: the field shows its first {shown} of {total} characters; all of it is checked.',
    article: 'Article',
    articleText: 'Article text',
    articlePlaceholder: 'Paste the text of an article here, or drop a file (.txt, .html, .pdf)…',
    articleHint: 'Checked as you type. Ctrl+Enter checks at once.',
    openArticle: 'Open a file',
    check: 'Check',
    clearAll: 'Clear all',
    demo: 'Load the demo',
    dropHere: 'Drop the file here',
    sources: 'Sources',
    sourcesEmpty: 'No sources yet: paste the text of other articles, or load .txt files or a corpus (.json).',
    sourcesList: 'Sources compared with the article',
    addSource: 'Add source',
    sourceTitle: 'Title',
    sourceUrl: 'Address',
    sourceText: 'Source text',
    sourceTextPlaceholder: 'Paste the text of another article…',
    optional: '(optional)',
    pasteSource: 'Paste a source',
    loadTxt: 'Add files (.txt, .html, .pdf)',
    loadCorpus: 'Load a corpus (.json)',
    rename: 'Rename',
    removeSource: 'Remove source: {title}',
    remove: 'Remove',
    newTitle: 'New title',
    words: '{n} words',
    untitled: 'Untitled source',
    results: 'Claims',
    emptyTitle: 'Nothing to check yet',
    emptyText: 'Paste an article: its figures are highlighted and checked against the sources.',
    checking: 'Checking…',
    checkFailed: 'Could not check this text: {error}',
    workerFailed: 'The checker could not start: {error}',
    statusDone: '{claims} · {ms} ms',
    claimsN: '{n} claims',
    claims1: '1 claim',
    claims0: 'no claims',
    summaryLive: '{total}: {details}.',
    summaryGroup: 'Claims per verdict (click to filter)',
    showAll: 'All',
    viewArticle: 'Article',
    viewTable: 'Figures across sources',
    views: 'Views',
    exportJson: 'Report (JSON)',
    exportJsonLd: 'ClaimReview (JSON-LD)',
    exports: 'Download',
    keysHint: 'Tab or j / k: next / previous claim · Enter: evidence · Esc: close',
    articleRegion: 'Article with its claims highlighted',
    claimLabel: '{verdict}: {text}',
    card: 'Evidence',
    close: 'Close',
    inArticle: 'In the article',
    inSources: 'In the sources',
    noEvidence: 'No source sentence bears on this claim.',
    frame: 'Frame:',
    aspect_level: 'level',
    aspect_change: 'change',
    aspect_rate: 'rate',
    aspect_part: 'part of a total',
    aspect_sighting: 'single sighting',
    modality_forecast: 'forecast',
    modality_target: 'target',
    modality_proposal: 'proposal',
    newer: 'Figure superseded',
    moreRelated: 'Show {n} more related statements',
    fewerRelated: 'Hide {n} related statements',
    moreRelated1: 'Show 1 more related statement',
    fewerRelated1: 'Hide 1 related statement',
    according: 'according to {who}',
    hedged: 'reported with reserve',
    restates: 'Repeats claim {id}',
    restatedBy: 'Repeated in claim {id}',
    openSource: 'Open the source',
    sourceCopy: 'copy of {id}',
    claimN: 'Claim {id}',
    tableEmpty: 'No figure of the article is given by a source.',
    tableCaption: '{measure}',
    colDocument: 'Document',
    colFigure: 'Figure',
    colInterval: 'Interval',
    colWho: 'Who',
    colDate: 'Date',
    colSentence: 'Sentence',
    theArticle: 'This article',
    unbounded: '∞',
    notCorpus: '{name}: not a corpus (expected a JSON array of {id, text})',
    unreadable: '{name}: could not be read',
    pageOf: 'p. {page}',
    loaded: '{n} sources added',
    sourceFailed: 'Source “{title}” could not be read: {error}',
    widgetTitle: 'Figures checked',
    widgetFoot: 'Checked in your browser by recoupe',
    widgetList: 'The claims',
    widgetNoArticle: 'No article to check.',
    widgetSourcesFailed: 'The sources could not be loaded.',
    verdict: {
      corroborated: 'corroborated',
      contradicted: 'contradicted',
      disputed: 'disputed',
      related: 'related',
      unverified: 'unverified',
    },
    relation: {
      corroborates: 'corroborates',
      contradicts: 'contradicts',
      related: 'related',
    },
    qualifier: {
      exact: 'exact',
      approx: 'about',
      at_least: 'at least',
      more_than: 'more than',
      at_most: 'at most',
      less_than: 'less than',
      range: 'range',
    },
  },
  fr: {
    pageTitle: 'recoupe — vérifier les chiffres d’un article',
    tagline: 'Vérifie les chiffres d’un article de presse auprès d’autres sources. Tout se passe dans cette page : rien de ce que vous collez ne quitte votre navigateur.',
    labelsLang: 'Libellés',
    labelsAuto: 'Langue de l’article',
    widgetDemo: 'Le widget sur une page d’actualité',
    editAll: 'Modifier tout le texte',
    largeInfo: 'Un texte long : le champ montre ses {shown} premiers caractères sur {total} ; tout est vérifié.',
    article: 'Article',
    articleText: 'Texte de l’article',
    articlePlaceholder: 'Collez ici le texte d’un article, ou déposez un fichier (.txt, .html, .pdf)…',
    articleHint: 'Vérifié à mesure que vous tapez. Ctrl+Entrée vérifie aussitôt.',
    openArticle: 'Ouvrir un fichier',
    check: 'Vérifier',
    clearAll: 'Tout effacer',
    demo: 'Charger la démo',
    dropHere: 'Déposez le fichier ici',
    sources: 'Sources',
    sourcesEmpty: 'Aucune source : collez le texte d’autres articles, ou chargez des fichiers .txt ou un corpus (.json).',
    sourcesList: 'Sources comparées à l’article',
    addSource: 'Ajouter la source',
    sourceTitle: 'Titre',
    sourceUrl: 'Adresse',
    sourceText: 'Texte de la source',
    sourceTextPlaceholder: 'Collez le texte d’un autre article…',
    optional: '(facultatif)',
    pasteSource: 'Coller une source',
    loadTxt: 'Ajouter des fichiers (.txt, .html, .pdf)',
    loadCorpus: 'Charger un corpus (.json)',
    rename: 'Renommer',
    removeSource: 'Retirer la source : {title}',
    remove: 'Retirer',
    newTitle: 'Nouveau titre',
    words: '{n} mots',
    untitled: 'Source sans titre',
    results: 'Affirmations',
    emptyTitle: 'Rien à vérifier pour l’instant',
    emptyText: 'Collez un article : ses chiffres sont surlignés et comparés aux sources.',
    checking: 'Vérification…',
    checkFailed: 'Ce texte n’a pas pu être vérifié : {error}',
    workerFailed: 'Le vérificateur n’a pas pu démarrer : {error}',
    statusDone: '{claims} · {ms} ms',
    claimsN: '{n} affirmations',
    claims1: '1 affirmation',
    claims0: 'aucune affirmation',
    summaryLive: '{total} : {details}.',
    summaryGroup: 'Affirmations par verdict (cliquez pour filtrer)',
    showAll: 'Toutes',
    viewArticle: 'Article',
    viewTable: 'Chiffres par source',
    views: 'Vues',
    exportJson: 'Rapport (JSON)',
    exportJsonLd: 'ClaimReview (JSON-LD)',
    exports: 'Télécharger',
    keysHint: 'Tab ou j / k : affirmation suivante / précédente · Entrée : preuves · Échap : fermer',
    articleRegion: 'L’article, ses affirmations surlignées',
    claimLabel: '{verdict} : {text}',
    card: 'Preuves',
    close: 'Fermer',
    inArticle: 'Dans l’article',
    inSources: 'Dans les sources',
    noEvidence: 'Aucune phrase des sources ne porte sur cette affirmation.',
    frame: 'Cadre :',
    aspect_level: 'niveau',
    aspect_change: 'variation',
    aspect_rate: 'rythme',
    aspect_part: 'partie d’un total',
    aspect_sighting: 'observation isolée',
    modality_forecast: 'prévision',
    modality_target: 'objectif',
    modality_proposal: 'proposition',
    newer: 'Chiffre dépassé',
    moreRelated: 'Afficher {n} autres phrases liées',
    fewerRelated: 'Masquer {n} phrases liées',
    moreRelated1: 'Afficher 1 autre phrase liée',
    fewerRelated1: 'Masquer 1 phrase liée',
    according: 'selon {who}',
    hedged: 'au conditionnel',
    restates: 'Reprend l’affirmation {id}',
    restatedBy: 'Reprise dans l’affirmation {id}',
    openSource: 'Ouvrir la source',
    sourceCopy: 'copie de {id}',
    claimN: 'Affirmation {id}',
    tableEmpty: 'Aucun chiffre de l’article n’est donné par une source.',
    tableCaption: '{measure}',
    colDocument: 'Document',
    colFigure: 'Chiffre',
    colInterval: 'Intervalle',
    colWho: 'Qui',
    colDate: 'Date',
    colSentence: 'Phrase',
    theArticle: 'Cet article',
    unbounded: '∞',
    notCorpus: '{name} : pas un corpus (attendu : un tableau JSON de {id, text})',
    unreadable: '{name} : illisible',
    pageOf: 'p. {page}',
    loaded: '{n} sources ajoutées',
    sourceFailed: 'La source « {title} » n’a pas pu être lue : {error}',
    widgetTitle: 'Chiffres vérifiés',
    widgetFoot: 'Vérifié dans votre navigateur par recoupe',
    widgetList: 'Les affirmations',
    widgetNoArticle: 'Aucun article à vérifier.',
    widgetSourcesFailed: 'Les sources n’ont pas pu être chargées.',
    verdict: {
      corroborated: 'corroboré',
      contradicted: 'contredit',
      disputed: 'contesté',
      related: 'évoqué',
      unverified: 'non vérifié',
    },
    relation: {
      corroborates: 'confirme',
      contradicts: 'contredit',
      related: 'évoque',
    },
    qualifier: {
      exact: 'exact',
      approx: 'environ',
      at_least: 'au moins',
      more_than: 'plus de',
      at_most: 'au plus',
      less_than: 'moins de',
      range: 'fourchette',
    },
  },
};

export const LANGS = Object.keys(LABELS);

/**
 * Adds labels a module of its own needs ({en: {...}, fr: {...}}): the
 * page's file readers keep theirs out of what the widget downloads.
 */
export function addLabels(extra) {
  for (const [lang, table] of Object.entries(extra)) if (LABELS[lang]) Object.assign(LABELS[lang], table);
}

/** The supported language closest to `lang` ("fr-CA" → "fr"), else English. */
export function pickLang(...candidates) {
  for (const c of candidates) {
    if (typeof c !== 'string') continue;
    const base = c.toLowerCase().split('-')[0];
    if (LABELS[base]) return base;
  }
  return 'en';
}

/**
 * A label in `lang`, with `{name}` placeholders filled from `vars`.
 * `key` may be dotted ("verdict.disputed").
 */
export function t(lang, key, vars) {
  const table = LABELS[lang] ?? LABELS.en;
  let value = key.split('.').reduce((o, k) => (o == null ? o : o[k]), table);
  if (value == null) value = key.split('.').reduce((o, k) => (o == null ? o : o[k]), LABELS.en) ?? key;
  if (typeof value !== 'string' || !vars) return value;
  return value.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** "12 claims", "1 claim", "no claims". */
export function claimCount(lang, n) {
  if (n === 0) return t(lang, 'claims0');
  if (n === 1) return t(lang, 'claims1');
  return t(lang, 'claimsN', { n: n.toLocaleString(lang) });
}
