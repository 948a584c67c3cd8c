/**
 * Validation of sidecar files. Everything that can be wrong with a file — JSON syntax, shape,
 * references — comes back as data (`SidecarIssue[]`); nothing here throws on bad input.
 */
import { z } from 'zod';
import { printJson } from './serialize';
import type { Annotation, Sidecar } from './types';

export interface SidecarIssue {
  /** JSON path such as `annotations[3].start`, or `$` for the root and for JSON syntax errors. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; sidecar: Sidecar } | { ok: false; issues: SidecarIssue[] };

// ---------------------------------------------------------------------------------------------
// Schema

const offset = z.number().int().nonnegative();
const spanSchema = z
  .strictObject({ start: offset, end: offset })
  .refine((s) => s.start <= s.end, { message: 'end must not be before start', path: ['end'] });
const statusSchema = z.enum(['suggested', 'accepted', 'rejected']);
const originSchema = z.enum(['auto', 'manual']);
const baseShape = {
  id: z.string().min(1),
  start: offset,
  end: offset,
  text: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  status: statusSchema,
  origin: originSchema,
  orphaned: z.boolean().optional(),
};
const startBeforeEnd: [(a: { start: number; end: number }) => boolean, { message: string; path: string[] }] = [
  (a) => a.start <= a.end,
  { message: 'end must not be before start', path: ['end'] },
];

/** An attribution rule id ("after.x-said"): lower-case words joined by "." or "-". */
const RULE_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const RULE_ID_MAX = 64;

const quoteSchema = z
  .strictObject({
    ...baseShape,
    type: z.literal('quote'),
    kind: z.enum(['direct', 'partial']),
    speaker: z.string().min(1).nullable(),
    cue: spanSchema.nullable(),
    speakerMention: spanSchema.nullable(),
    rule: z.string().max(RULE_ID_MAX).regex(RULE_ID, 'a rule id is lower-case words joined by "." or "-"').optional(),
  })
  .refine(...startBeforeEnd)
  .refine((q) => q.rule === undefined || q.speaker !== null, { message: 'a quote without a speaker has no rule', path: ['rule'] });
const speakerSchema = z
  .strictObject({ ...baseShape, type: z.literal('speaker'), entity: z.string().min(1) })
  .refine(...startBeforeEnd);
const figureSchema = z
  .strictObject({
    ...baseShape,
    type: z.literal('figure'),
    kind: z.enum(['count', 'money', 'percent', 'date', 'year', 'duration', 'vague']),
    unit: z.string().nullable(),
  })
  .refine(...startBeforeEnd);

const entitySchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['person', 'organization', 'country', 'group']),
  aliases: z.array(z.string()),
});

/** Validates exactly the `Sidecar` type (strict objects: unknown keys are errors). */
export const sidecarSchema: z.ZodType<Sidecar> = z.strictObject({
  version: z.literal(1),
  document: z.strictObject({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Expected 64 lower-case hex digits'),
    length: offset,
    offsetUnit: z.literal('utf16'),
  }),
  entities: z.array(entitySchema),
  annotations: z.array(z.discriminatedUnion('type', [quoteSchema, speakerSchema, figureSchema])),
});

// ---------------------------------------------------------------------------------------------
// Paths and messages

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['annotations', 3, 'start']` → `annotations[3].start`; `[]` → `$`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '$';
}

function tidyMessage(message: string): string {
  const m = message.replace(/^Invalid input: /, '');
  return m.charAt(0).toUpperCase() + m.slice(1);
}

function zodIssues(error: z.ZodError): SidecarIssue[] {
  const issues: SidecarIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: formatPath([...issue.path, key]), message: `Unknown key "${key}"` });
      }
    } else {
      issues.push({ path: formatPath(issue.path), message: tidyMessage(issue.message) });
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// A small JSON parser that reports the position of syntax errors (JSON.parse's messages differ
// between engines) and duplicate keys, and cannot overflow the stack on deeply nested input.

const MAX_DEPTH = 256;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class JsonError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

class JsonParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): unknown {
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.ws();
    const v = this.value(0);
    this.ws();
    if (this.pos < this.src.length) this.fail('Unexpected content after the JSON value');
    return v;
  }

  private fail(message: string, at = this.pos): never {
    // Thrown only inside this class and always caught by `parseJson`.
    throw new JsonError(at, message);
  }

  private ws(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  private describe(): string {
    if (this.pos >= this.src.length) return 'end of input';
    return `character ${JSON.stringify(this.src.charAt(this.pos))}`;
  }

  private value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`Nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.src.charAt(this.pos);
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.src.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    return this.fail(`Unexpected ${this.describe()}, expected a value`);
  }

  private object(depth: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    this.pos++;
    this.ws();
    if (this.src.charAt(this.pos) === '}') {
      this.pos++;
      return obj;
    }
    for (;;) {
      if (this.src.charAt(this.pos) !== '"') this.fail(`Unexpected ${this.describe()}, expected a property name`);
      const keyAt = this.pos;
      const key = this.string();
      if (Object.hasOwn(obj, key)) this.fail(`Duplicate key ${JSON.stringify(key)}`, keyAt);
      this.ws();
      if (this.src.charAt(this.pos) !== ':') this.fail(`Unexpected ${this.describe()}, expected ':'`);
      this.pos++;
      this.ws();
      const value = this.value(depth + 1);
      // "__proto__" becomes an own property, as with JSON.parse, not the object's prototype.
      if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      else obj[key] = value;
      this.ws();
      const c = this.src.charAt(this.pos);
      if (c === ',') {
        this.pos++;
        this.ws();
      } else if (c === '}') {
        this.pos++;
        return obj;
      } else {
        this.fail(`Unexpected ${this.describe()}, expected ',' or '}'`);
      }
    }
  }

  private array(depth: number): unknown[] {
    const arr: unknown[] = [];
    this.pos++;
    this.ws();
    if (this.src.charAt(this.pos) === ']') {
      this.pos++;
      return arr;
    }
    for (;;) {
      arr.push(this.value(depth + 1));
      this.ws();
      const c = this.src.charAt(this.pos);
      if (c === ',') {
        this.pos++;
        this.ws();
      } else if (c === ']') {
        this.pos++;
        return arr;
      } else {
        this.fail(`Unexpected ${this.describe()}, expected ',' or ']'`);
      }
    }
  }

  private string(): string {
    const s = this.src;
    const start = this.pos;
    this.pos++;
    let out = '';
    let chunk = this.pos;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        out += s.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail('Control character in string (use an escape such as \\n)');
      if (c === 0x5c) {
        out += s.slice(chunk, this.pos);
        const e = s.charAt(this.pos + 1);
        if (Object.hasOwn(SIMPLE_ESCAPES, e)) {
          out += SIMPLE_ESCAPES[e];
          this.pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(parseInt(s.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          this.fail('Invalid escape sequence in string');
        }
        chunk = this.pos;
      } else {
        this.pos++;
      }
    }
    return this.fail('Unterminated string', start);
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.src);
    if (!m) this.fail('Invalid number');
    this.pos += m[0].length;
    return Number(m[0]);
  }
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}

const DEEPER_THAN_MAX_DEPTH = '\n' + ' '.repeat(2 * (MAX_DEPTH + 1));

/**
 * The value of `text` when the text is exactly as `serializeSidecar` prints it (`printJson`: JSON
 * indented by two spaces, then a line break), else undefined. Such a text cannot hold a key twice (the
 * engine's printer never prints one twice, and printing the parsed value gives the text back), so
 * the engine's own parser may read it: five times faster than `JsonParser`, which matters when the
 * entity tree's first load reads thousands of sidecars. Any other text (hand-edited, other
 * indentation, a syntax error) is left to `JsonParser` and its exact messages.
 */
function parseAsPrinted(text: string): { value: unknown } | undefined {
  if (!text.endsWith('}\n')) return undefined;
  // A value nested deeper than MAX_DEPTH is printed on a line indented by more than twice that.
  if (text.includes(DEEPER_THAN_MAX_DEPTH)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return printJson(value) === text ? { value } : undefined;
  } catch {
    return undefined; // a syntax error, or nesting too deep to print: JsonParser says which
  }
}

/** Parses JSON text; a syntax error comes back as an issue at `$` with `line:column`. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issues: SidecarIssue[] } {
  const printed = parseAsPrinted(text);
  if (printed) return { ok: true, value: printed.value };
  try {
    return { ok: true, value: new JsonParser(text).parse() };
  } catch (e) {
    if (e instanceof JsonError) {
      return { ok: false, issues: [{ path: '$', message: `JSON syntax error at ${lineColumn(text, e.offset)}: ${e.message}` }] };
    }
    return { ok: false, issues: [{ path: '$', message: `JSON syntax error: ${String(e)}` }] };
  }
}

// ---------------------------------------------------------------------------------------------
// Semantic checks (things a schema cannot express)

function spanFields(a: Annotation): [string, { start: number; end: number } | null][] {
  return a.type === 'quote' ? [['cue', a.cue], ['speakerMention', a.speakerMention]] : [];
}

function semanticIssues(s: Sidecar): SidecarIssue[] {
  const issues: SidecarIssue[] = [];
  const entityIds = new Map<string, number>();
  s.entities.forEach((e, i) => {
    const first = entityIds.get(e.id);
    if (first !== undefined) issues.push({ path: `entities[${i}].id`, message: `Duplicate entity id "${e.id}" (also entities[${first}])` });
    else entityIds.set(e.id, i);
  });
  const annotationIds = new Map<string, number>();
  const length = s.document.length;
  s.annotations.forEach((a, i) => {
    const at = `annotations[${i}]`;
    const first = annotationIds.get(a.id);
    if (first !== undefined) issues.push({ path: `${at}.id`, message: `Duplicate annotation id "${a.id}" (also annotations[${first}])` });
    else annotationIds.set(a.id, i);
    if (a.end > length) issues.push({ path: `${at}.end`, message: `End ${a.end} is beyond the document length ${length}` });
    if (!a.orphaned && a.text.length !== a.end - a.start) {
      issues.push({ path: `${at}.text`, message: `Text length ${a.text.length} does not match end - start = ${a.end - a.start}` });
    }
    if (a.type === 'quote' && a.speaker !== null && !entityIds.has(a.speaker)) {
      issues.push({ path: `${at}.speaker`, message: `Unknown entity id "${a.speaker}"` });
    }
    if (a.type === 'speaker' && !entityIds.has(a.entity)) {
      issues.push({ path: `${at}.entity`, message: `Unknown entity id "${a.entity}"` });
    }
    for (const [name, span] of spanFields(a)) {
      if (span && span.end > length) issues.push({ path: `${at}.${name}.end`, message: `End ${span.end} is beyond the document length ${length}` });
    }
  });
  return issues;
}

/** Validates an already-parsed value (schema + semantic checks). Never throws. */
export function validateSidecar(value: unknown): ParseResult {
  const result = sidecarSchema.safeParse(value);
  if (!result.success) return { ok: false, issues: zodIssues(result.error) };
  const issues = semanticIssues(result.data);
  return issues.length ? { ok: false, issues } : { ok: true, sidecar: result.data };
}

/** Parses and validates the text of a sidecar file. Never throws. */
export function parseSidecar(jsonText: string): ParseResult {
  if (typeof jsonText !== 'string') return { ok: false, issues: [{ path: '$', message: 'Expected the text of a JSON file' }] };
  const json = parseJson(jsonText);
  if (!json.ok) return json;
  try {
    return validateSidecar(json.value);
  } catch (e) {
    return { ok: false, issues: [{ path: '$', message: `Could not validate: ${String(e)}` }] };
  }
}

/**
 * Checks a valid sidecar against the current document text. When the document's hash differs the
 * only issue is that (re-anchoring is needed); otherwise every annotation that is not orphaned must
 * cover exactly its `text`. `docSha256` is the host's SHA-256 of `docText` (see `documentInfo`).
 */
export function checkAgainstDocument(s: Sidecar, docText: string, docSha256: string): { changed: boolean; issues: SidecarIssue[] } {
  if (docSha256 !== s.document.sha256 || docText.length !== s.document.length) {
    return { changed: true, issues: [{ path: 'document.sha256', message: 'The document has changed since the annotations were written (run analyze to re-anchor)' }] };
  }
  const issues: SidecarIssue[] = [];
  s.annotations.forEach((a, i) => {
    if (!a.orphaned && docText.slice(a.start, a.end) !== a.text) {
      issues.push({ path: `annotations[${i}].text`, message: `Text does not match the document at ${a.start}-${a.end}` });
    }
  });
  return { changed: false, issues };
}

/** One line per issue: `article.txt.annotations.json: annotations[3].start: Expected number, received string`. */
export function formatIssues(fileName: string, issues: readonly SidecarIssue[]): string {
  return issues.map((i) => `${fileName}: ${i.path}: ${i.message}`).join('\n');
}
