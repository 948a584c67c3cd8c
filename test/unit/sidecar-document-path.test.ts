import assert from 'node:assert/strict';
import { documentRootOf, resolveDocumentPath, type ResolvedDocumentPath } from '../../src/sidecar/documentPath';

const SIDECAR = '/ws/news/a.txt.annotations.json';
const MIRRORED = '/ws/.quotelens/news/a.txt.annotations.json';

describe('sidecar document.path containment', () => {
  const cases: [string, string, string | undefined, ResolvedDocumentPath][] = [
    ['beside: plain name', 'a.txt', undefined, { ok: true, path: '/ws/news/a.txt' }],
    ['beside: a sub-folder', './sub/a.txt', undefined, { ok: true, path: '/ws/news/sub/a.txt' }],
    ['beside: .. that comes back in', 'sub/../a.txt', undefined, { ok: true, path: '/ws/news/a.txt' }],
    ['.. escaping the folder', '../../../../etc/passwd', undefined, { ok: false, problem: 'document.path leads outside its folder: "../../../../etc/passwd"' }],
    ['.. to a sibling folder', '../other/a.txt', undefined, { ok: false, problem: 'document.path leads outside its folder: "../other/a.txt"' }],
    ['the folder itself', '.', undefined, { ok: false, problem: 'document.path leads outside its folder: "."' }],
    ['absolute', '/etc/passwd', undefined, { ok: false, problem: 'document.path is absolute (it must be relative to the sidecar): "/etc/passwd"' }],
    ['beside: a colon after a letter inside the path is no drive letter', 'notes/part:2.txt', undefined, { ok: true, path: '/ws/news/notes/part:2.txt' }],
    ['drive letter', 'C:/Windows/win.ini', undefined, { ok: false, problem: 'document.path starts with a drive letter (it must be relative to the sidecar): "C:/Windows/win.ini"' }],
    ['backslash trick', '..\\..\\etc\\passwd', undefined, { ok: false, problem: 'document.path contains a backslash (use / between folders): "..\\\\..\\\\etc\\\\passwd"' }],
    ['NUL', 'a.txt\u0000.png', undefined, { ok: false, problem: 'document.path contains a NUL character: "a.txt\\u0000.png"' }],
    ['empty', '', undefined, { ok: false, problem: 'document.path is empty' }],
    ['folder placement: mirrored article in the workspace', '../../news/a.txt', '/ws', { ok: true, path: '/ws/news/a.txt' }],
    ['folder placement: out of the workspace', '../../../etc/passwd', '/ws', { ok: false, problem: 'document.path leads outside its folder: "../../../etc/passwd"' }],
  ];
  for (const [name, stored, root, expected] of cases) {
    it(name, () => {
      const sidecar = root === undefined ? SIDECAR : MIRRORED;
      assert.deepStrictEqual(resolveDocumentPath(sidecar, stored, root), expected);
    });
  }

  // Sidecars whose folder is the file system root or the working folder: nothing lies above them.
  const elsewhere: [string, string, string, ResolvedDocumentPath][] = [
    ['a sidecar at the file system root: plain name', '/a.txt.annotations.json', 'a.txt', { ok: true, path: '/a.txt' }],
    ['a sidecar at the file system root: .. is refused', '/a.txt.annotations.json', '../etc/passwd', { ok: false, problem: 'document.path leads outside its folder: "../etc/passwd"' }],
    ['a relative sidecar path: a relative document path', 'news/a.txt.annotations.json', 'a.txt', { ok: true, path: 'news/a.txt' }],
    ['a sidecar in the working folder: .. is refused', 'a.txt.annotations.json', '../x/a.txt', { ok: false, problem: 'document.path leads outside its folder: "../x/a.txt"' }],
  ];
  for (const [name, sidecar, stored, expected] of elsewhere) {
    it(name, () => assert.deepStrictEqual(resolveDocumentPath(sidecar, stored), expected));
  }

  it('documentRootOf: the sidecar folder, or the workspace folder above .quotelens', () => {
    assert.deepStrictEqual(
      [documentRootOf(SIDECAR), documentRootOf(MIRRORED), documentRootOf('/ws/.qs/x/a.json', '.qs'), documentRootOf('a.json')],
      ['/ws/news', '/ws', '/ws', '.'],
    );
  });
});
