/**
 * The "Quotes of <Name>" webview as plain data and HTML: every quote of one entity across the
 * workspace's documents, with document, status and the words around it. Pure: the adapter in
 * `features/speakerView.ts` gathers the sidecars and texts, and shows the HTML built here.
 *
 * Everything from articles and sidecars is HTML-escaped: a webview is not Markdown, so a name like
 * `<script>` or `[x](command:…)` must arrive as text, and the page's Content-Security-Policy (scripts
 * and styles only with the page's nonce, nothing from the network) is a second line of defence.
 */
import type { EntityKind } from '../../core/types';
import { CONTEXT_LENGTH, type QuoteAnnotation, type Sidecar } from '../../sidecar/types';
import type { EntityNode, EntityRef, TreeNode } from './treeModel';
import { plural } from './text';

/**
 * How a row's review state shows: an accepted quote that was tagged by hand is "manual"; a
 * suggestion stays "suggested" whatever its origin (it still needs a review).
 */
export type RowStatus = 'suggested' | 'accepted' | 'manual' | 'rejected';

export const ROW_STATUSES: readonly RowStatus[] = ['suggested', 'accepted', 'manual', 'rejected'];

export interface SpeakerViewDoc {
  /** Document URI string. */
  uri: string;
  /** What the view shows for the document: its path relative to the workspace. */
  path: string;
  sidecar: Sidecar;
  /** The document's current text; undefined when it cannot be read (the stored context is used). */
  text: string | undefined;
}

/** The words before and after a quote, and the quote itself, each on one line. */
export interface QuoteContext {
  before: string;
  quote: string;
  after: string;
}

export interface SpeakerRow {
  /** Identifies the row in messages from the webview: `<uri>#<annotation id>`. */
  key: string;
  uri: string;
  document: string;
  annotationId: string;
  status: RowStatus;
  orphaned: boolean;
  /** The quote's text on one line. */
  text: string;
  context: QuoteContext;
  /** The speech verb the attribution relied on, when known. */
  cue: string | null;
  /** How the speaker is mentioned at this quote (name, pronoun…), when known. */
  mention: string | null;
  start: number;
  end: number;
}

export interface SpeakerSummary {
  quotes: number;
  documents: number;
  /** Accepted, manual or rejected. */
  reviewed: number;
  orphaned: number;
}

export interface SpeakerViewModel {
  title: string;
  name: string;
  kind: EntityKind;
  rows: SpeakerRow[];
  summary: SpeakerSummary;
}

/** Words of context shown on each side of a quote. */
export const CONTEXT_WORDS = 8;
/** Characters looked at on each side before cutting to whole words. */
const CONTEXT_CHARS = 120;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The last `words` words of `text` within its last paragraph. `cut`: more text came before it, so
 * "…" shows (unless a blank line ends the context anyway), and `partial`: its first word may be cut.
 */
function tailWords(text: string, words: number, cut: boolean, partial: boolean): string {
  const paragraphs = text.split(/\n\s*\n/);
  const clipped = cut && paragraphs.length === 1;
  // Stryker disable next-line MethodExpression: after oneLine only an empty text gives an empty token, and [''] joins to '' too
  const tokens = oneLine(paragraphs[paragraphs.length - 1]).split(' ').filter(Boolean);
  if (clipped && partial) tokens.shift();
  const kept = tokens.slice(-words).join(' ');
  return kept && (clipped || tokens.length > words) ? `…${kept}` : kept;
}

/** The first `words` words of `text` within its first paragraph; the mirror of `tailWords`. */
function headWords(text: string, words: number, cut: boolean, partial: boolean): string {
  const paragraphs = text.split(/\n\s*\n/);
  const clipped = cut && paragraphs.length === 1;
  // Stryker disable next-line MethodExpression: after oneLine only an empty text gives an empty token, and [''] joins to '' too
  const tokens = oneLine(paragraphs[0]).split(' ').filter(Boolean);
  if (clipped && partial) tokens.pop();
  const kept = tokens.slice(0, words).join(' ');
  return kept && (clipped || tokens.length > words) ? `${kept}…` : kept;
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/**
 * The words around a quote. From the document when its text still holds the quote at its offsets;
 * otherwise (orphaned, or the document unreadable) from the context the sidecar stored with it.
 * Context never crosses a blank line: the next paragraph is another thought.
 */
export function quoteContext(text: string | undefined, q: QuoteAnnotation, words = CONTEXT_WORDS): QuoteContext {
  const quote = oneLine(q.text);
  if (text !== undefined && !q.orphaned && text.slice(q.start, q.end) === q.text) {
    // Widen the window to whole words, so that no word is cut in half.
    let from = Math.max(0, q.start - CONTEXT_CHARS);
    while (from > 0 && !isSpace(text[from - 1])) from--;
    let to = Math.min(text.length, q.end + CONTEXT_CHARS);
    while (to < text.length && !isSpace(text[to])) to++;
    return {
      before: tailWords(text.slice(from, q.start), words, from > 0, false),
      quote,
      after: headWords(text.slice(q.end, to), words, to < text.length, false),
    };
  }
  // Stored context is a fixed number of characters: a full one may start or end inside a word.
  const fullPrefix = q.prefix.length >= CONTEXT_LENGTH;
  const fullSuffix = q.suffix.length >= CONTEXT_LENGTH;
  return {
    before: tailWords(q.prefix, words, fullPrefix, !isSpace(q.prefix[0])),
    quote,
    after: headWords(q.suffix, words, fullSuffix, !isSpace(q.suffix[q.suffix.length - 1])),
  };
}

function rowStatus(q: QuoteAnnotation): RowStatus {
  return q.status === 'accepted' && q.origin === 'manual' ? 'manual' : q.status;
}

function spanText(text: string | undefined, span: { start: number; end: number } | null): string | null {
  if (!span || text === undefined) return null;
  const s = oneLine(text.slice(span.start, span.end));
  return s || null;
}

/**
 * Every quote of the entity (its id in each document: `refs`), sorted by document path then
 * position. Rejected and orphaned quotes are included: the view marks them, the reviewer filters.
 */
export function speakerRows(docs: readonly SpeakerViewDoc[], refs: readonly EntityRef[]): SpeakerRow[] {
  const rows: SpeakerRow[] = [];
  for (const doc of docs) {
    const ids = new Set(refs.filter((r) => r.uri === doc.uri).map((r) => r.entityId));
    if (ids.size === 0) continue;
    const quotes = doc.sidecar.annotations.filter((a): a is QuoteAnnotation => a.type === 'quote' && a.speaker !== null && ids.has(a.speaker));
    for (const q of quotes) {
      const live = doc.text !== undefined && !q.orphaned && doc.text.slice(q.start, q.end) === q.text ? doc.text : undefined;
      rows.push({
        key: `${doc.uri}#${q.id}`,
        uri: doc.uri,
        document: doc.path,
        annotationId: q.id,
        status: rowStatus(q),
        orphaned: q.orphaned === true,
        text: oneLine(q.text),
        context: quoteContext(doc.text, q),
        cue: spanText(live, q.cue),
        mention: spanText(live, q.speakerMention),
        start: q.start,
        end: q.end,
      });
    }
  }
  return rows.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0) || a.uri.localeCompare(b.uri) || a.start - b.start);
}

export function summarize(rows: readonly SpeakerRow[]): SpeakerSummary {
  return {
    quotes: rows.length,
    documents: new Set(rows.map((r) => r.uri)).size,
    reviewed: rows.filter((r) => r.status !== 'suggested').length,
    orphaned: rows.filter((r) => r.orphaned).length,
  };
}

export function speakerViewTitle(name: string): string {
  return `Quotes of ${name}`;
}

export function speakerViewModel(entity: { name: string; kind: EntityKind }, rows: SpeakerRow[]): SpeakerViewModel {
  return { title: speakerViewTitle(entity.name), name: entity.name, kind: entity.kind, rows, summary: summarize(rows) };
}

/** The entity nodes of a tree (speakers, then the merely mentioned), without the "Unknown speaker". */
export function entityNodes(roots: readonly TreeNode[]): EntityNode[] {
  // Only the groups of entities: asking the others for their children would build annotation nodes.
  return roots.flatMap((r) => (r.nodeType === 'group' && (r.group === 'speakers' || r.group === 'mentioned') ? r.children.filter((c): c is EntityNode => c.nodeType === 'entity' && !c.unattributed) : []));
}

/**
 * The tree entity that has the id `entityId` in the document `uri` — or, without a match there, in
 * any document (entity ids come from names, so the hover's id identifies the person anywhere).
 */
export function entityNodeOf(roots: readonly TreeNode[], entityId: string, uri?: string): EntityNode | undefined {
  const nodes = entityNodes(roots);
  return (
    nodes.find((n) => n.refs.some((r) => r.entityId === entityId && r.uri === uri)) ??
    nodes.find((n) => n.refs.some((r) => r.entityId === entityId))
  );
}

/** Makes text safe anywhere in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function summaryLine(s: SpeakerSummary): string {
  const parts = [`${plural(s.quotes, 'quote')} in ${plural(s.documents, 'document')}`, `${s.reviewed} reviewed`];
  if (s.orphaned > 0) parts.push(`${s.orphaned} orphaned`);
  return parts.join(' · ');
}

function filterSelect(rows: readonly SpeakerRow[]): string {
  const count = (f: (r: SpeakerRow) => boolean) => rows.filter(f).length;
  const options = [
    `<option value="all">All (${rows.length})</option>`,
    ...ROW_STATUSES.map((s) => `<option value="${s}">${s[0].toUpperCase()}${s.slice(1)} (${count((r) => r.status === s)})</option>`),
    `<option value="orphaned">Orphaned (${count((r) => r.orphaned)})</option>`,
  ];
  return `<label class="filter">Show <select id="filter">${options.join('')}</select></label>`;
}

function rowHtml(r: SpeakerRow): string {
  const status = `<span class="status status-${r.status}">${r.status}</span>${r.orphaned ? '<span class="status status-orphaned">orphaned</span>' : ''}`;
  const where = [r.cue ? `cue: <q>${escapeHtml(r.cue)}</q>` : '', r.mention ? `speaker as: <q>${escapeHtml(r.mention)}</q>` : '']
    .filter(Boolean)
    .join(' · ');
  const c = r.context;
  return [
    `<li class="row" data-status="${r.status}" data-orphaned="${r.orphaned}">`,
    `<button type="button" class="open" data-key="${escapeHtml(r.key)}" title="Open ${escapeHtml(r.document)} at this quote">`,
    `<span class="head"><span class="doc">${escapeHtml(r.document)}</span> ${status}</span>`,
    `<span class="context">${escapeHtml(c.before)} <mark>${escapeHtml(c.quote)}</mark> ${escapeHtml(c.after)}</span>`,
    where ? `<span class="meta">${where}</span>` : '',
    '</button></li>',
  ].join('');
}

/** The part of the page that changes with the annotations: summary, filter and the rows. */
export function speakerViewBody(model: SpeakerViewModel): string {
  const rows = model.rows.length
    ? `<ol class="rows">${model.rows.map(rowHtml).join('')}</ol>`
    : `<p class="empty">No quotes of ${escapeHtml(model.name)} in the workspace.</p>`;
  return `<p class="summary" role="status">${summaryLine(model.summary)}</p>${model.rows.length ? filterSelect(model.rows) : ''}${rows}`;
}

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 1em 1em; }
h1 { font-size: 1.3em; font-weight: 600; }
.summary { color: var(--vscode-descriptionForeground); }
.filter select { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border); }
.rows { list-style: none; padding: 0; }
.row[hidden] { display: none; }
.open { display: block; width: 100%; text-align: left; margin: 0 0 6px; padding: 6px 8px; cursor: pointer; font: inherit; color: inherit; background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-widget-border, transparent); border-radius: 2px; }
.open:hover { background: var(--vscode-list-hoverBackground); }
.open:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.head, .context, .meta { display: block; }
.doc { font-weight: 600; }
.context { margin: 4px 0; }
mark { background: var(--vscode-editor-findMatchHighlightBackground); color: inherit; font-weight: 600; }
.meta { color: var(--vscode-descriptionForeground); }
.status { margin-left: 6px; padding: 0 4px; border-radius: 2px; border: 1px solid; font-size: 0.9em; }
.status-suggested { color: var(--vscode-editorLightBulb-foreground); }
.status-accepted { color: var(--vscode-testing-iconPassed); }
.status-manual { color: var(--vscode-textLink-foreground); }
.status-rejected { color: var(--vscode-disabledForeground); text-decoration: line-through; }
.status-orphaned { color: var(--vscode-problemsWarningIcon-foreground); }
.row[data-status="rejected"] .context { color: var(--vscode-disabledForeground); }
`;

/**
 * The page script: Enter or a click on a row asks the extension to open it (by key: the extension
 * looks the row up itself), the select filters rows, and updates replace the body while keeping the
 * filter and the focused row.
 */
const SCRIPT = `
const vscode = acquireVsCodeApi();
const body = document.getElementById('body');
function applyFilter() {
  const select = document.getElementById('filter');
  const value = select ? select.value : 'all';
  for (const row of body.querySelectorAll('.row')) {
    const shown = value === 'all' || (value === 'orphaned' ? row.dataset.orphaned === 'true' : row.dataset.status === value);
    row.hidden = !shown;
  }
}
body.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('button.open') : null;
  if (button) vscode.postMessage({ type: 'open', key: button.dataset.key });
});
body.addEventListener('change', (e) => {
  if (e.target instanceof HTMLSelectElement) { applyFilter(); vscode.setState({ filter: e.target.value }); }
});
window.addEventListener('message', (e) => {
  const msg = e.data;
  if (!msg || msg.type !== 'update' || typeof msg.html !== 'string') return;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
  const select = document.getElementById('filter');
  const filter = select ? select.value : undefined;
  body.innerHTML = msg.html;
  const next = document.getElementById('filter');
  if (next && filter) next.value = filter;
  applyFilter();
  if (focused) for (const b of body.querySelectorAll('button.open')) if (b.dataset.key === focused) b.focus();
});
const saved = vscode.getState();
const initial = document.getElementById('filter');
if (saved && initial && typeof saved.filter === 'string') { initial.value = saved.filter; applyFilter(); }
vscode.postMessage({ type: 'ready' });
`;

/**
 * The whole page. `nonce` must be fresh and unguessable for each page: the Content-Security-Policy
 * runs only the script and style that carry it, loads nothing else, and connects nowhere.
 */
export function speakerViewHtml(model: SpeakerViewModel, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style nonce="${nonce}">${STYLE}</style>`,
    '</head><body>',
    `<h1>${escapeHtml(model.title)} <span class="summary">(${escapeHtml(model.kind)})</span></h1>`,
    `<main id="body">${speakerViewBody(model)}</main>`,
    `<script nonce="${nonce}">${SCRIPT}</script>`,
    '</body></html>',
  ].join('\n');
}

/** A message from the page, checked: anything else is ignored. */
export type SpeakerViewMessage = { type: 'open'; key: string } | { type: 'ready' };

export function parseSpeakerViewMessage(data: unknown): SpeakerViewMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as { type?: unknown; key?: unknown };
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'open' && typeof m.key === 'string') return { type: 'open', key: m.key };
  return undefined;
}
