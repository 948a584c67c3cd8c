/**
 * The input of `quotelens analyze --jsonl`: one JSON object per line on stdin,
 *
 *     {"path": "politics/budget.txt", "text": "The council met on Tuesday. …"}
 *
 * `path` names the document (its base name becomes the sidecar's `document.path`; the whole path
 * decides its shard); `text` is the article. Other keys are ignored; blank lines are skipped. The
 * text is checked like a file's bytes (size limit, binary data, empty), so a line gives the same
 * sidecar as a file holding its text.
 */
import { articleSizeProblem, decodeDocument } from '../sidecar';
import type { TextTask } from './analyzeJob';

export type ParsedLine =
  | { ok: true; task: TextTask }
  /** `path` is null when the line has none; `shardKey` places the line in a shard all the same. */
  | { ok: false; path: string | null; error: string; shardKey: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(line: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(line) };
  } catch {
    return { ok: false };
  }
}

/** Reads line `lineNumber` (1-based) of the input. */
export function parseJsonlLine(line: string, lineNumber: number): ParsedLine {
  const fail = (error: string, docPath: string | null = null): ParsedLine => ({ ok: false, path: docPath, error: `line ${lineNumber}: ${error}`, shardKey: docPath ?? line });
  const json = parseJson(line);
  if (!json.ok) return fail('not valid JSON');
  if (!isRecord(json.value)) return fail('expected an object {"path": ..., "text": ...}');
  const { path, text } = json.value;
  if (typeof path !== 'string' || path === '') return fail('"path" must be a non-empty string');
  if (typeof text !== 'string') return fail('"text" must be a string', path);
  const bytes = Buffer.from(text, 'utf8');
  const tooLarge = articleSizeProblem(bytes.length);
  if (tooLarge) return fail(tooLarge, path);
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) return fail(decoded.problem, path);
  if (decoded.text.trim() === '') return fail('text is empty', path);
  return { ok: true, task: { kind: 'text', path, text: decoded.text } };
}
