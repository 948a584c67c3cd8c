// One row per schema field and boundary: an unknown key in each kind of object, each length, hash
// and offset rule exactly at its limit (valid) and one past it (the exact issues), and the JSON
// reader's syntax errors with their line and column. Each row starts from a valid sidecar and
// changes one thing, so a row that passes says exactly which rule holds.
import * as assert from 'assert';
import { formatPath, parseJson, parseSidecar, validateSidecar, type SidecarIssue } from '../../src/sidecar/schema';
import { serializeSidecar } from '../../src/sidecar';
import { DOC, sampleSidecar } from './sidecar-fixtures';

type Json = Record<string, unknown>;

/** The sample sidecar as plain JSON: entities[0] anna-berg; annotations: 0 quote, 1 speaker, 2 figure. */
function base(): Json {
  return JSON.parse(serializeSidecar(sampleSidecar(DOC))) as Json;
}

const doc = (s: Json) => s.document as Json;
const entity = (s: Json) => (s.entities as Json[])[0];
const ann = (s: Json, i: number) => (s.annotations as Json[])[i];
const cue = (s: Json) => ann(s, 0).cue as Json;
const mention = (s: Json) => ann(s, 0).speakerMention as Json;
const LENGTH = DOC.length;

interface Row {
  name: string;
  change: (s: Json) => void;
  /** [] when the changed sidecar is still valid. */
  issues: SidecarIssue[];
}

const ROWS: Row[] = [
  // Unknown keys, one per kind of object.
  { name: 'unknown key at the root', change: (s) => (s.extra = 1), issues: [{ path: 'extra', message: 'Unknown key "extra"' }] },
  { name: 'unknown key in document', change: (s) => (doc(s).encoding = 'utf8'), issues: [{ path: 'document.encoding', message: 'Unknown key "encoding"' }] },
  { name: 'unknown key in an entity', change: (s) => (entity(s).note = 'x'), issues: [{ path: 'entities[0].note', message: 'Unknown key "note"' }] },
  { name: 'unknown key in a quote', change: (s) => (ann(s, 0).confidence = 1), issues: [{ path: 'annotations[0].confidence', message: 'Unknown key "confidence"' }] },
  { name: 'unknown key in a speaker', change: (s) => (ann(s, 1).kind = 'person'), issues: [{ path: 'annotations[1].kind', message: 'Unknown key "kind"' }] },
  { name: 'unknown key in a figure', change: (s) => (ann(s, 2).value = 4), issues: [{ path: 'annotations[2].value', message: 'Unknown key "value"' }] },
  { name: 'unknown key in a cue span', change: (s) => (cue(s).text = 'said'), issues: [{ path: 'annotations[0].cue.text', message: 'Unknown key "text"' }] },
  // The document hash: exactly 64 lower-case hex digits.
  { name: 'sha256 of 63 digits', change: (s) => (doc(s).sha256 = (doc(s).sha256 as string).slice(1)), issues: [{ path: 'document.sha256', message: 'Expected 64 lower-case hex digits' }] },
  { name: 'sha256 of 65 digits', change: (s) => (doc(s).sha256 = `${doc(s).sha256 as string}0`), issues: [{ path: 'document.sha256', message: 'Expected 64 lower-case hex digits' }] },
  { name: 'sha256 in upper case', change: (s) => (doc(s).sha256 = (doc(s).sha256 as string).toUpperCase()), issues: [{ path: 'document.sha256', message: 'Expected 64 lower-case hex digits' }] },
  { name: 'sha256 of 64 digits with a non-hex one', change: (s) => (doc(s).sha256 = `g${(doc(s).sha256 as string).slice(1)}`), issues: [{ path: 'document.sha256', message: 'Expected 64 lower-case hex digits' }] },
  // Offsets against the document length: at the end is valid, one past is not.
  { name: 'an annotation ending exactly at the document end', change: (s) => setSpan(ann(s, 2), LENGTH - 1, LENGTH), issues: [] },
  { name: 'an annotation ending one past the document end', change: (s) => setSpan(ann(s, 2), LENGTH - 1, LENGTH + 1), issues: [{ path: 'annotations[2].end', message: `End ${LENGTH + 1} is beyond the document length ${LENGTH}` }, { path: 'annotations[2].text', message: 'Text length 1 does not match end - start = 2' }] },
  { name: 'a cue ending exactly at the document end', change: (s) => Object.assign(cue(s), { start: LENGTH - 1, end: LENGTH }), issues: [] },
  { name: 'a cue ending one past the document end', change: (s) => Object.assign(cue(s), { start: LENGTH - 1, end: LENGTH + 1 }), issues: [{ path: 'annotations[0].cue.end', message: `End ${LENGTH + 1} is beyond the document length ${LENGTH}` }] },
  { name: 'a speaker mention ending one past the document end', change: (s) => Object.assign(mention(s), { end: LENGTH + 1 }), issues: [{ path: 'annotations[0].speakerMention.end', message: `End ${LENGTH + 1} is beyond the document length ${LENGTH}` }] },
  // Spans: empty is valid, end before start is not.
  { name: 'an empty annotation (start = end, text "")', change: (s) => setSpan(ann(s, 2), 5, 5), issues: [] },
  { name: 'an annotation ending before it starts', change: (s) => Object.assign(ann(s, 2), { start: 6, end: 5, text: '' }), issues: [{ path: 'annotations[2].end', message: 'End must not be before start' }] },
  { name: 'a cue ending before it starts', change: (s) => Object.assign(cue(s), { start: 6, end: 5 }), issues: [{ path: 'annotations[0].cue.end', message: 'End must not be before start' }] },
  { name: 'a negative start', change: (s) => Object.assign(ann(s, 2), { start: -1 }), issues: [{ path: 'annotations[2].start', message: 'Too small: expected number to be >=0' }] },
  { name: 'a fractional end', change: (s) => Object.assign(ann(s, 2), { end: 10.5 }), issues: [{ path: 'annotations[2].end', message: 'Expected int, received number' }] },
  // Text against the span.
  { name: 'a text one shorter than its span', change: (s) => (ann(s, 2).text = (ann(s, 2).text as string).slice(1)), issues: [{ path: 'annotations[2].text', message: 'Text length 14 does not match end - start = 15' }] },
  { name: 'a text one longer than its span', change: (s) => (ann(s, 2).text = `${ann(s, 2).text as string}.`), issues: [{ path: 'annotations[2].text', message: 'Text length 16 does not match end - start = 15' }] },
  { name: 'an orphaned annotation may keep a text that no longer fits its span', change: (s) => Object.assign(ann(s, 2), { orphaned: true, end: (ann(s, 2).start as number) + 1 }), issues: [] },
  // References and ids.
  { name: 'a quote whose speaker is no entity', change: (s) => (ann(s, 0).speaker = 'nobody'), issues: [{ path: 'annotations[0].speaker', message: 'Unknown entity id "nobody"' }] },
  { name: 'a quote with no speaker', change: (s) => (ann(s, 0).speaker = null), issues: [] },
  { name: 'a speaker annotation of no entity', change: (s) => (ann(s, 1).entity = 'nobody'), issues: [{ path: 'annotations[1].entity', message: 'Unknown entity id "nobody"' }] },
  { name: 'two entities with one id', change: (s) => (s.entities as Json[]).push({ ...entity(s), name: 'Anna B.' }), issues: [{ path: 'entities[1].id', message: 'Duplicate entity id "anna-berg" (also entities[0])' }] },
  { name: 'two annotations with one id', change: (s) => (ann(s, 2).id = ann(s, 1).id), issues: [{ path: 'annotations[2].id', message: `Duplicate annotation id "${String(ann(base(), 1).id)}" (also annotations[1])` }] },
  { name: 'an empty entity id', change: (s) => (entity(s).id = ''), issues: [{ path: 'entities[0].id', message: 'Too small: expected string to have >=1 characters' }] },
  // The attribution rule of a quote: optional, lower-case words joined by "." or "-", at most 64 characters, only with a speaker.
  { name: 'a quote with a rule id', change: (s) => (ann(s, 0).rule = 'after.x-said'), issues: [] },
  { name: 'a rule id of a rule this version does not know', change: (s) => (ann(s, 0).rule = 'after.x-sang-2'), issues: [] },
  { name: 'a rule id of 64 characters', change: (s) => (ann(s, 0).rule = `a.${'b'.repeat(62)}`), issues: [] },
  { name: 'a rule id of 65 characters', change: (s) => (ann(s, 0).rule = `a.${'b'.repeat(63)}`), issues: [{ path: 'annotations[0].rule', message: 'Too big: expected string to have <=64 characters' }] },
  { name: 'a rule id with a capital letter', change: (s) => (ann(s, 0).rule = 'after.X-said'), issues: [{ path: 'annotations[0].rule', message: 'A rule id is lower-case words joined by "." or "-"' }] },
  { name: 'a rule id ending with a dot', change: (s) => (ann(s, 0).rule = 'after.'), issues: [{ path: 'annotations[0].rule', message: 'A rule id is lower-case words joined by "." or "-"' }] },
  { name: 'an empty rule id', change: (s) => (ann(s, 0).rule = ''), issues: [{ path: 'annotations[0].rule', message: 'A rule id is lower-case words joined by "." or "-"' }] },
  { name: 'a rule on a quote without a speaker', change: (s) => Object.assign(ann(s, 0), { speaker: null, rule: 'after.x-said' }), issues: [{ path: 'annotations[0].rule', message: 'A quote without a speaker has no rule' }] },
  { name: 'a rule on a figure', change: (s) => (ann(s, 2).rule = 'after.x-said'), issues: [{ path: 'annotations[2].rule', message: 'Unknown key "rule"' }] },
  // Enumerations and literals.
  { name: 'version 2', change: (s) => (s.version = 2), issues: [{ path: 'version', message: 'Expected 1' }] },
  { name: 'offsets in UTF-8', change: (s) => (doc(s).offsetUnit = 'utf8'), issues: [{ path: 'document.offsetUnit', message: 'Expected "utf16"' }] },
  { name: 'an unknown status', change: (s) => (ann(s, 2).status = 'maybe'), issues: [{ path: 'annotations[2].status', message: 'Invalid option: expected one of "suggested"|"accepted"|"rejected"' }] },
  { name: 'an unknown entity kind', change: (s) => (entity(s).kind = 'animal'), issues: [{ path: 'entities[0].kind', message: 'Invalid option: expected one of "person"|"organization"|"country"|"group"' }] },
  { name: 'an unknown annotation type', change: (s) => (ann(s, 2).type = 'date'), issues: [{ path: 'annotations[2].type', message: "Invalid discriminator value. Expected 'quote' | 'speaker' | 'figure'" }] },
];

function setSpan(a: Json, start: number, end: number): void {
  Object.assign(a, { start, end, text: DOC.slice(start, end) });
}

describe('sidecar schema: one row per field and boundary', () => {
  it('the unchanged base is valid', () => {
    assert.deepStrictEqual(validateSidecar(base()).ok, true);
  });
  for (const row of ROWS) {
    it(row.name, () => {
      const s = base();
      row.change(s);
      const result = validateSidecar(s);
      assert.deepStrictEqual(result.ok ? [] : result.issues, row.issues);
      // The same through the file reader (JSON text in).
      const viaText = parseSidecar(JSON.stringify(s, null, 2));
      assert.deepStrictEqual(viaText.ok ? [] : viaText.issues, row.issues);
    });
  }
});

describe('sidecar JSON reader: values and syntax errors with line and column', () => {
  const VALUES: [string, unknown][] = [
    ['\uFEFF{"a": 1}', { a: 1 }],
    [' \t\r\n[1, -0.5, 1e5, 1E+2, 2.50, 0]\n', [1, -0.5, 1e5, 100, 2.5, 0]],
    ['"\\u00e9\\n\\/\\\\\\"\\t\\b\\f\\r"', 'é\n/\\"\t\b\f\r'],
    ['{"a": {"b": [true, false, null]}}', { a: { b: [true, false, null] } }],
    ['[]', []],
    ['{}', {}],
    [`${'['.repeat(257)}${']'.repeat(257)}`, nested(256)],
  ];
  for (const [text, value] of VALUES) {
    it(`reads ${JSON.stringify(text.slice(0, 24))}`, () => {
      assert.deepStrictEqual(parseJson(text), { ok: true, value });
    });
  }

  const ERRORS: [string, string][] = [
    ['', '1:1: Unexpected end of input, expected a value'],
    ['{"a": 1} x', '1:10: Unexpected content after the JSON value'],
    ['{"a" 1}', '1:6: Unexpected character "1", expected \':\''],
    ['{"a": 1,}', '1:9: Unexpected character "}", expected a property name'],
    ['{"a": 1 "b": 2}', '1:9: Unexpected character "\\"", expected \',\' or \'}\''],
    ['[1 2]', '1:4: Unexpected character "2", expected \',\' or \']\''],
    ['[1,]', '1:4: Unexpected character "]", expected a value'],
    ['"a\u0001"', '1:3: Control character in string (use an escape such as \\n)'],
    ['"\\q"', '1:2: Invalid escape sequence in string'],
    ['"\\u12g4"', '1:2: Invalid escape sequence in string'],
    ['"abc', '1:1: Unterminated string'],
    ['-', '1:1: Invalid number'],
    ['{\n  "a": x\n}', '2:8: Unexpected character "x", expected a value'],
    ['{\r\n  "a": tru}', '2:8: Unexpected character "t", expected a value'],
    [`${'['.repeat(258)}${']'.repeat(258)}`, '1:258: Nesting deeper than 256 levels'],
    ['{"a": 1, "a": 2}', '1:10: Duplicate key "a"'],
  ];
  for (const [text, message] of ERRORS) {
    it(`refuses ${JSON.stringify(text.slice(0, 24))}`, () => {
      assert.deepStrictEqual(parseJson(text), { ok: false, issues: [{ path: '$', message: `JSON syntax error at ${message}` }] });
    });
  }

  it('reads a text printed as serializeSidecar prints it exactly as any other text', () => {
    const printed = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
    const sidecar = { version: 1, document: { path: 'a "b".txt', length: 3 }, annotations: [{ id: 'q-1', text: 'é\u2028😀\\', end: 1.5e-7 }], empty: {}, none: [] };
    const own = Object.defineProperty({}, '__proto__', { value: 1, enumerable: true });
    assert.deepStrictEqual(
      [
        parseJson(printed(sidecar)),
        parseJson(printed(own)),
        parseJson('{\n  "a": 1,\n  "a": 2\n}\n'),
        parseJson(printed({ a: nested(255) })),
        parseJson(printed({ a: nested(256) })),
      ],
      [
        { ok: true, value: sidecar },
        { ok: true, value: own },
        { ok: false, issues: [{ path: '$', message: 'JSON syntax error at 3:3: Duplicate key "a"' }] },
        { ok: true, value: { a: nested(255) } },
        { ok: false, issues: [{ path: '$', message: `JSON syntax error at 258:${2 * 257 + 1}: Nesting deeper than 256 levels` }] },
      ],
    );
  });

  it('formats paths as a reader of the file would write them', () => {
    assert.deepStrictEqual(
      [formatPath([]), formatPath(['annotations', 3, 'start']), formatPath(['a-b']), formatPath(['x', 'a b']), formatPath([0]), formatPath(['$ok', '_1'])],
      ['$', 'annotations[3].start', '["a-b"]', 'x["a b"]', '[0]', '$ok._1'],
    );
  });

  it('a value that is not text is refused as data, not thrown', () => {
    assert.deepStrictEqual(parseSidecar(42 as unknown as string), { ok: false, issues: [{ path: '$', message: 'Expected the text of a JSON file' }] });
  });
});

function nested(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
