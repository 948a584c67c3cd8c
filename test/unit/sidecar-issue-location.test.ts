// Where a sidecar validation issue is in the file's text (for the Problems panel).
import assert from 'node:assert/strict';
import { issueOffsets, locateIssues, parseIssuePath, positionAt } from '../../src/sidecar/issueLocation';
import { parseSidecar } from '../../src/sidecar/schema';
import { serializeSidecar } from '../../src/sidecar/serialize';
import { sampleSidecar } from './sidecar-fixtures';

/** The sample sidecar as the extension writes it, with one line changed by `edit`. */
function sampleText(edit: (text: string) => string): string {
  return edit(serializeSidecar(sampleSidecar()));
}

describe('sidecar issue locations', () => {
  it('parses the paths formatPath writes', () => {
    assert.deepEqual(parseIssuePath('$'), []);
    assert.deepEqual(parseIssuePath('annotations[3].start'), ['annotations', 3, 'start']);
    assert.deepEqual(parseIssuePath('annotations[0].cue.end'), ['annotations', 0, 'cue', 'end']);
    assert.deepEqual(parseIssuePath('document["odd key"]'), ['document', 'odd key']);
    assert.equal(parseIssuePath('annotations[x]'), undefined);
  });

  it('counts lines and columns from zero, with \\n, \\r\\n and \\r line ends', () => {
    const text = 'ab\ncd\r\nef\rgh';
    assert.deepEqual([0, 2, 3, 5, 7, 8, 10, 11, 99].map((o) => positionAt(text, o)), [
      { line: 0, character: 0 },
      { line: 0, character: 2 },
      { line: 1, character: 0 },
      { line: 1, character: 2 },
      { line: 2, character: 0 },
      { line: 2, character: 1 },
      { line: 3, character: 0 },
      { line: 3, character: 1 },
      { line: 3, character: 2 },
    ]);
  });

  it('puts a schema issue on the value at its path', () => {
    const text = sampleText((t) => t.replace(/"start": (\d+)/, '"start": "$1"'));
    const parsed = parseSidecar(text);
    assert.ok(!parsed.ok);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /"start": "\d+"/.test(l));
    const character = lines[line].indexOf('"start"');
    const issue = parsed.issues.find((i) => i.path === 'annotations[0].start');
    assert.ok(issue, JSON.stringify(parsed.issues));
    assert.deepEqual(locateIssues(text, [issue]), [
      { ...issue, start: { line, character }, end: { line, character: lines[line].replace(/,$/, '').length } },
    ]);
  });

  it('puts a missing key on the object that lacks it, and an unknown path at the file start', () => {
    const text = '{\n  "version": 1,\n  "document": {\n    "path": "a.txt"\n  }\n}\n';
    assert.deepEqual(issueOffsets(text, { path: 'document.sha256', message: 'Required' }), [20, 57]);
    assert.equal(text.slice(20, 57), '"document": {\n    "path": "a.txt"\n  }');
    assert.deepEqual(issueOffsets(text, { path: 'entities', message: 'Required' }), [0, 1]);
  });

  it('puts a JSON syntax error where the parser stopped', () => {
    const text = '{\n  "version": 1,\n  "document": {\n    "path": "a.txt",\n  }\n}\n';
    const parsed = parseSidecar(text);
    assert.ok(!parsed.ok);
    assert.deepEqual(locateIssues(text, parsed.issues), [
      { ...parsed.issues[0], start: { line: 4, character: 2 }, end: { line: 4, character: 3 } },
    ]);
  });

  describe('issue offsets, each row the text underlined, or nothing at offset 0 (table)', () => {
    const ENTITIES = '{\n  "version": 1,\n  "entities": [\n    {"id": "a"},\n    {"id": "b"}\n  ]\n}\n';
    const COMMENTED = '{\n  // a note\n  "version": 1\n}\n';
    const BROKEN = '{\n  "version": 2,\n  "document": {\n    "path": "a.txt",\n  }\n}\n';
    const rows: [string, string, string, string][] = [
      ['an array element: the element, not the array', ENTITIES, 'entities[1]', '{"id": "b"}'],
      ['a comment, at the root: the comment (sidecars are strict JSON)', COMMENTED, '$', '// a note'],
      ['a schema issue in a file with a syntax error elsewhere: the value at its path', BROKEN, 'version', '"version": 2'],
      ['a path not in the form formatPath writes: nothing', ENTITIES, 'entities..id', ''],
      ['an empty file: nothing', '', 'version', ''],
    ];
    for (const [name, text, path, underlined] of rows) {
      it(name, () => {
        const start = underlined === '' ? 0 : text.indexOf(underlined);
        assert.deepEqual(issueOffsets(text, { path, message: 'x' }), [start, start + underlined.length]);
      });
    }
    it('paths: empty, and an index of two digits', () => {
      assert.deepEqual([parseIssuePath(''), parseIssuePath('annotations[12].cue')], [[], ['annotations', 12, 'cue']]);
    });
  });
});
