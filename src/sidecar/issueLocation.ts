/**
 * Where a validation issue is in the sidecar file's text: maps a `SidecarIssue.path` such as
 * `annotations[3].start` to a range of the JSON text, so the editor can point at the problem.
 * JSON syntax errors (path `$`) are placed at the parser's own error offset. Pure: plain strings in,
 * plain numbers out.
 */
import { findNodeAtLocation, parseTree, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import type { SidecarIssue } from './schema';

/** A zero-based line and UTF-16 column, as editors count them. */
export interface TextPosition {
  line: number;
  character: number;
}

export interface LocatedIssue extends SidecarIssue {
  start: TextPosition;
  end: TextPosition;
}

/**
 * `annotations[3].start` → `['annotations', 3, 'start']`; `a["odd key"]` → `['a', 'odd key']`;
 * `$` → `[]`. Undefined when the path is not in the form `formatPath` writes.
 */
export function parseIssuePath(path: string): JSONPath | undefined {
  if (path === '$' || path === '') return [];
  const segments: JSONPath = [];
  const token = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const m = token.exec(path);
    if (!m) return undefined;
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(JSON.parse(m[3]) as string);
    at = token.lastIndex;
  }
  return segments;
}

/**
 * The deepest node on `path` that exists: a missing key is shown at the object that lacks it. For
 * a property, the key and its value together (so an unknown key is underlined where it is written).
 */
function nodeOnPath(root: Node, path: JSONPath): Node {
  for (let n = path.length; n > 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return node.parent?.type === 'property' ? node.parent : node;
  }
  return root;
}

/** The first syntax error the parser met, if any. */
function firstSyntaxError(text: string): ParseError | undefined {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return errors[0];
}

/** Offsets of the issue in `text`: [start, end), end ≥ start. */
export function issueOffsets(text: string, issue: SidecarIssue): [number, number] {
  const error = issue.path === '$' ? firstSyntaxError(text) : undefined;
  if (error) return [error.offset, error.offset + error.length];
  const root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  const path = parseIssuePath(issue.path);
  if (!root || !path) return [0, 0];
  const node = nodeOnPath(root, path);
  // The whole root object would underline the file: point at its first character instead.
  return node === root ? [node.offset, node.offset + Math.min(node.length, 1)] : [node.offset, node.offset + node.length];
}

/** Zero-based line and column of an offset; `\n`, `\r\n` and `\r` each end a line. */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: end - lineStart };
}

/** Each issue with its range in the sidecar text. */
export function locateIssues(text: string, issues: readonly SidecarIssue[]): LocatedIssue[] {
  return issues.map((issue) => {
    const [start, end] = issueOffsets(text, issue);
    return { ...issue, start: positionAt(text, start), end: positionAt(text, end) };
  });
}
