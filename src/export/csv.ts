/**
 * CSV for spreadsheets: ONE file, one row per quote and one row per figure, told apart by the
 * first column `type` (`quote` or `figure`); quotes come first, then figures, each in document
 * order. Columns:
 *
 *   type, document, id, text, kind, status, origin, orphaned, start, end,
 *   speaker_name, speaker_entity, speaker_kind, cue, speaker_mention, sentence, value, unit, rule
 *
 * - `start`/`end`: UTF-16 code units, end exclusive (what the sidecar stores).
 * - quote rows: `speaker_*` from the sidecar's entity (empty when no speaker), `cue` and
 *   `speaker_mention` are the document text under those spans; `value`/`unit` are empty.
 * - `rule`: on quote rows, the attribution rule that found the speaker of a suggestion (the
 *   sidecar's `rule`, e.g. `after.x-said`); empty for quotes tagged by hand or whose speaker was
 *   changed by hand, and for figures. Last, so that files read by column position keep working.
 * - figure rows: `value` is the number the analysis core reads from the figure (empty when it reads
 *   none, or when the analysis does not find a figure of that kind on exactly that span, e.g. some
 *   manual figures), `unit` the counted noun; the speaker columns are empty.
 * - `sentence`: the text around the annotation, from just after the previous sentence end or line
 *   break to the next sentence end or line break (a sentence end: `.`, `!` or `?`, perhaps followed
 *   by closing quote marks, then white space or the end of the text), reaching at most
 *   SENTENCE_REACH code units beyond the annotation on either side (one less where the reach ends
 *   inside a surrogate pair: no half characters), white space trimmed. The
 *   annotation itself is always whole (a quote may hold line breaks). Empty for orphaned
 *   annotations (their positions mean nothing), like `cue` and `speaker_mention`.
 *
 * RFC 4180 (CRLF line ends, fields quoted when needed) through csv-stringify; a UTF-8 byte order
 * mark is prepended when asked for, so that Excel reads the file as UTF-8 (curly quotes intact).
 */
import { stringify } from 'csv-stringify/sync';
import { analyze } from '../core';
import { isHighSurrogate, isLowSurrogate } from '../core/text';
import type { Entity, Span } from '../core/types';
import type { FigureAnnotation, QuoteAnnotation } from '../sidecar/types';
import type { ExportDocument } from './types';

export const CSV_COLUMNS = [
  'type', 'document', 'id', 'text', 'kind', 'status', 'origin', 'orphaned', 'start', 'end',
  'speaker_name', 'speaker_entity', 'speaker_kind', 'cue', 'speaker_mention', 'sentence', 'value', 'unit', 'rule',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

/** How far (UTF-16 units) the sentence window reaches beyond an annotation on either side. */
export const SENTENCE_REACH = 300;

const BOM = '\uFEFF';

/**
 * The one place that turns rows into RFC 4180 text (header row first, CRLF after every row).
 * `quote_record_delimiter` must be set: with a custom record delimiter csv-stringify otherwise
 * quotes a field only when it holds the whole CRLF, and a lone LF inside a quote would split the row.
 */
export function csvText(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([columns, ...rows], { record_delimiter: 'windows', quote_record_delimiter: true });
}

/** Closing quote marks that may stand between a sentence's final mark and the space after it. */
const CLOSING_MARKS = new Set(['"', "'", '\u201d', '\u2019', '\u00bb', ')']);

/**
 * True when a sentence ends just before `b`: `b` is the end of the text or white space, and before
 * it come `.`, `!` or `?`, perhaps followed by closing quote marks (`it.” In all` ends at the space).
 */
function sentenceEndsBefore(text: string, b: number): boolean {
  if (b < text.length && !/\s/.test(text[b])) return false;
  let i = b - 1;
  while (i >= 0 && CLOSING_MARKS.has(text[i])) i--;
  return i >= 0 && (text[i] === '.' || text[i] === '!' || text[i] === '?');
}

const isLineBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** The sentence window around [start, end), trimmed; see the file comment. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  const floor = Math.max(0, start - SENTENCE_REACH);
  while (from > floor && !isLineBreak(text[from - 1]) && !sentenceEndsBefore(text, from)) from--;
  let to = end;
  const ceiling = Math.min(text.length, end + SENTENCE_REACH);
  while (to < ceiling && !isLineBreak(text[to]) && !sentenceEndsBefore(text, to)) to++;
  // The reach may stop inside a surrogate pair: a half left at an edge would be written as U+FFFD.
  if (from < start && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to > end && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to).trim();
}

function spanText(text: string, span: Span | null): string {
  return span ? text.slice(span.start, span.end) : '';
}

function baseRow(doc: ExportDocument, a: QuoteAnnotation | FigureAnnotation): CsvRow {
  const live = a.orphaned !== true;
  return {
    type: a.type,
    document: doc.path,
    id: a.id,
    text: a.text,
    kind: a.kind,
    status: a.status,
    origin: a.origin,
    orphaned: String(!live),
    start: String(a.start),
    end: String(a.end),
    speaker_name: '',
    speaker_entity: '',
    speaker_kind: '',
    cue: '',
    speaker_mention: '',
    sentence: live ? sentenceAround(doc.text, a.start, a.end) : '',
    value: '',
    unit: '',
    rule: '',
  };
}

function quoteRow(doc: ExportDocument, q: QuoteAnnotation, entities: ReadonlyMap<string, Entity>): CsvRow {
  const row = baseRow(doc, q);
  const live = q.orphaned !== true;
  if (q.speaker !== null) {
    const entity = entities.get(q.speaker);
    row.speaker_name = entity?.name ?? q.speaker;
    row.speaker_entity = q.speaker;
    row.speaker_kind = entity?.kind ?? '';
    row.rule = q.rule ?? '';
  }
  if (live) {
    row.cue = spanText(doc.text, q.cue);
    row.speaker_mention = spanText(doc.text, q.speakerMention);
  }
  return row;
}

/** Numbers the analysis reads, by `start:end:kind` of the figure; computed once per document. */
function figureValues(text: string): Map<string, number | null> {
  return new Map(analyze(text).figures.map((f) => [`${f.start}:${f.end}:${f.kind}`, f.value]));
}

function figureRow(doc: ExportDocument, f: FigureAnnotation, values: () => Map<string, number | null>): CsvRow {
  const row = baseRow(doc, f);
  row.unit = f.unit ?? '';
  const value = f.orphaned === true ? undefined : values().get(`${f.start}:${f.end}:${f.kind}`);
  row.value = value === undefined || value === null ? '' : String(value);
  return row;
}

/** Every row of the CSV (quotes, then figures), as records keyed by column. */
export function csvRows(docs: readonly ExportDocument[]): CsvRow[] {
  const quotes: CsvRow[] = [];
  const figures: CsvRow[] = [];
  for (const doc of docs) {
    const entities = new Map(doc.sidecar.entities.map((e) => [e.id, e]));
    let values: Map<string, number | null> | undefined;
    const lazyValues = (): Map<string, number | null> => (values ??= figureValues(doc.text));
    for (const a of doc.sidecar.annotations) {
      if (a.type === 'quote') quotes.push(quoteRow(doc, a, entities));
      else if (a.type === 'figure') figures.push(figureRow(doc, a, lazyValues));
    }
  }
  return [...quotes, ...figures];
}

export function toCsv(docs: readonly ExportDocument[], bom: boolean): { content: string; records: number } {
  const rows = csvRows(docs);
  const content = csvText(CSV_COLUMNS, rows.map((r) => CSV_COLUMNS.map((c) => r[c])));
  return { content: (bom ? BOM : '') + content, records: rows.length };
}
