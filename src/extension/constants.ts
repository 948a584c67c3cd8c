/**
 * Every identifier the extension shares with package.json, spelled once. `test/unit/constants.test.ts`
 * checks these against the contributions in package.json (both ways).
 */

export const EXTENSION_ID = 'quotelens.quotelens';
export const LANGUAGE_ID = 'quotelens';
/** Languages whose documents QuoteLens decorates, hovers and tags. */
export const LANGUAGES = ['plaintext', LANGUAGE_ID] as const;
export const OUTPUT_CHANNEL_NAME = 'QuoteLens';

export const COMMANDS = {
  tagQuote: 'quotelens.tagQuote',
  tagSpeaker: 'quotelens.tagSpeaker',
  tagFigure: 'quotelens.tagFigure',
  setSpeaker: 'quotelens.setSpeaker',
  accept: 'quotelens.accept',
  reject: 'quotelens.reject',
  acceptAll: 'quotelens.acceptAll',
  removeAnnotation: 'quotelens.removeAnnotation',
  nextAnnotation: 'quotelens.nextAnnotation',
  previousAnnotation: 'quotelens.previousAnnotation',
  nextUnreviewed: 'quotelens.nextUnreviewed',
  previousUnreviewed: 'quotelens.previousUnreviewed',
  renameEntity: 'quotelens.renameEntity',
  mergeEntities: 'quotelens.mergeEntities',
  analyzeDocument: 'quotelens.analyzeDocument',
  analyzeWorkspace: 'quotelens.analyzeWorkspace',
  undo: 'quotelens.undo',
  export: 'quotelens.export',
  revealAnnotation: 'quotelens.revealAnnotation',
  showQuotesOfEntity: 'quotelens.showQuotesOfEntity',
  filterTree: 'quotelens.filterTree',
  clearTreeFilter: 'quotelens.clearTreeFilter',
  refreshTree: 'quotelens.refreshTree',
  showLog: 'quotelens.showLog',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export const VIEW_CONTAINERS = {
  activity: 'quotelens',
} as const;

export const VIEWS = {
  entities: 'quotelens.entities',
} as const;

/** The webview panel type of "Quotes of <Name>" (not a contribution: panels need no declaration). */
export const SPEAKER_VIEW_TYPE = 'quotelens.speakerQuotes';

/** Full setting keys (as they appear in package.json and settings.json). */
export const SETTINGS = {
  enableQuotes: 'quotelens.enable.quotes',
  enableSpeakers: 'quotelens.enable.speakers',
  enableFigures: 'quotelens.enable.figures',
  files: 'quotelens.files',
  exclude: 'quotelens.exclude',
  autoAnalyze: 'quotelens.autoAnalyze',
  sidecarLocation: 'quotelens.sidecarLocation',
  sidecarFolder: 'quotelens.sidecarFolder',
  showSuggestions: 'quotelens.showSuggestions',
  showSpeakerAfterQuote: 'quotelens.showSpeakerAfterQuote',
  debounceMs: 'quotelens.decorations.debounceMs',
  csvBom: 'quotelens.export.csvBom',
  reviewAdvance: 'quotelens.review.advance',
} as const;

/** Context keys set with `setContext` and used in `when`/`enablement` clauses. */
export const CONTEXT_KEYS = {
  /** The active editor shows a document QuoteLens works on. */
  activeDocument: 'quotelens.activeDocument',
  /** The active document has QuoteLens edits that can be undone. */
  canUndo: 'quotelens.canUndo',
  /** The entity tree has a filter applied. */
  treeFiltered: 'quotelens.treeFiltered',
} as const;

/**
 * Theme colour ids contributed in package.json (`contributes.colors`): per annotation type, a
 * background and a border for each look (suggested: dashed outline; accepted: underline; manual:
 * solid outline with a left bar).
 * `<type>Background` is the accepted fill (its id predates the manual look).
 */
export const COLORS = {
  quoteSuggestedBackground: 'quotelens.quoteSuggestedBackground',
  quoteSuggestedBorder: 'quotelens.quoteSuggestedBorder',
  quoteBackground: 'quotelens.quoteBackground',
  quoteAcceptedBorder: 'quotelens.quoteAcceptedBorder',
  quoteManualBackground: 'quotelens.quoteManualBackground',
  quoteManualBorder: 'quotelens.quoteManualBorder',
  speakerSuggestedBackground: 'quotelens.speakerSuggestedBackground',
  speakerSuggestedBorder: 'quotelens.speakerSuggestedBorder',
  speakerBackground: 'quotelens.speakerBackground',
  speakerAcceptedBorder: 'quotelens.speakerAcceptedBorder',
  speakerManualBackground: 'quotelens.speakerManualBackground',
  speakerManualBorder: 'quotelens.speakerManualBorder',
  figureSuggestedBackground: 'quotelens.figureSuggestedBackground',
  figureSuggestedBorder: 'quotelens.figureSuggestedBorder',
  figureBackground: 'quotelens.figureBackground',
  figureAcceptedBorder: 'quotelens.figureAcceptedBorder',
  figureManualBackground: 'quotelens.figureManualBackground',
  figureManualBorder: 'quotelens.figureManualBorder',
} as const;

/** `contextValue`s of entity tree items, matched by `view/item/context` menus. */
export const TREE_CONTEXT = {
  group: 'group',
  entity: 'entity',
  figureKind: 'figureKind',
  /** Annotation items: `annotation.<status>` so menus can offer accept only on non-accepted ones. */
  annotationPrefix: 'annotation.',
  note: 'note',
} as const;

/** workspaceState key of the entity tree filter. */
export const STATE_TREE_FILTER = 'quotelens.treeFilter';
/** workspaceState key of the article hash cache ({ uri: { mtime, size, sha256 } }, `model/articleHashes.ts`). */
export const STATE_ARTICLE_HASHES = 'quotelens.articleHashes';
/** The tree loads at most this many documents; beyond it, a note says so. */
export const MAX_TREE_DOCUMENTS = 2000;
export const SAVE_DEBOUNCE_MS = 300;
export const ANALYSIS_DEBOUNCE_MS = 400;
/**
 * Typing tells the readers of the annotations (decorations, tree, status bar) after this pause, not
 * per keystroke: the editor moves highlights with the text meanwhile, and reading the annotations
 * makes an object per moved annotation.
 */
export const TYPING_NOTICE_MS = 100;
export const UNDO_LIMIT = 100;
