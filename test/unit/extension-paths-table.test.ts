/**
 * The file filter's globs and the sidecar paths as tables: braces and classes at their edges,
 * leading and trailing slashes, dot segments, roots, and placements without a workspace folder.
 */
import assert from 'node:assert/strict';
import { matchesAny } from '../../src/extension/model/glob';
import { dirName, documentPathOfSidecar, isInside, joinPath, relativePath, sidecarPathFor, type SidecarPlacement } from '../../src/extension/model/sidecarPath';

function table<I extends unknown[], O>(rows: [string, I, O][], f: (...input: I) => O): void {
  assert.deepStrictEqual(
    rows.map(([name, input]) => [name, f(...input)]),
    rows.map(([name, , expected]) => [name, expected]),
  );
}

describe('extension model: globs table', () => {
  it('matchesAny', () => {
    table<[string, string[]], boolean>(
      [
        ['**/ then a name: that name in any folder', ['notes/summary.txt', ['**/summary.txt']], true],
        ['**/ then a name: not a longer name', ['notes/old-summary.txt', ['**/summary.txt']], false],
        ['**/ then a name: not a longer name at the top', ['old-summary.txt', ['**/summary.txt']], false],
        ['a trailing ** matches anything below', ['drafts/2026/may.md', ['drafts/**']], true],
        ['a closing brace outside braces is a letter', ['memo}.txt', ['memo}.txt']], true],
        ['a comma outside braces is a letter', ['one,two.txt', ['one,two.txt']], true],
        ['a comma outside braces is not an alternative', ['one', ['one,two.txt']], false],
        ['a comma after braces is a letter', ['b-1,2.txt', ['{a,b}-1,2.txt']], true],
        ['a comma after braces is not an alternative', ['a-1', ['{a,b}-1,2.txt']], false],
        ['a brace closed twice: the second is a letter', ['ab}.txt', ['{a}b}.txt']], true],
        ['an unclosed bracket is a letter', ['log[1.txt', ['log[1.txt']], true],
        ['an unclosed bracket is not left out', ['log1.txt', ['log[1.txt']], false],
        ['a class: one of its characters', ['v7.txt', ['v[0-9].txt']], true],
        ['a class: not a character outside it', ['vx.txt', ['v[0-9].txt']], false],
        ['a class: not the letter before the bracket', ['vv.txt', ['v[0-9].txt']], false],
        ['a class after a closing bracket', ['x]2.txt', ['x][0-9].txt']], true],
        ['a negated class: a character outside it', ['vx.txt', ['v[!0-9].txt']], true],
        ['a negated class: not a character in it', ['v7.txt', ['v[!0-9].txt']], false],
        ['a negated class: not the exclamation mark', ['v!.txt', ['v[!0-9].txt']], true],
        ['an exclamation mark not first is a member', ['v!.txt', ['v[a!].txt']], true],
        ['an exclamation mark not first does not negate', ['vb.txt', ['v[a!].txt']], false],
        ['a backslash in a class is a member', ['v\\.txt', ['v[\\x].txt']], true],
        ['a backslash alone in a class', ['v\\].txt', ['v[\\]].txt']], true],
        ['any of several globs', ['notes.md', ['*.txt', '*.md']], true],
        ['none of several globs', ['notes.odt', ['*.txt', '*.md']], false],
        ['an absolute path against a relative glob', ['/notes.txt', ['*.txt']], true],
        ['leading slashes of the path dropped', ['//notes.txt', ['*.txt']], true],
        ['a glob starting with ./', ['notes.txt', ['./notes.txt']], true],
        ['a glob starting with /', ['notes.txt', ['/notes.txt']], true],
        ['a glob starting with .//', ['notes.txt', ['.//notes.txt']], true],
        ['a slash inside the glob is kept', ['news/a.txt', ['news/*.txt']], true],
        ['a slash inside the glob stays a folder', ['newsa.txt', ['news/*.txt']], false],
        ['an absolute folder glob on an absolute path', ['/ws/notes.txt', ['/ws/*.txt']], true],
      ],
      matchesAny,
    );
  });
});

describe('extension model: sidecar paths table', () => {
  it('joinPath, dirName, relativePath and isInside', () => {
    table<[string, ...string[]], string>(
      [
        ['dot segments dropped', ['/ws', './news', 'a.txt'], '/ws/news/a.txt'],
        ['empty segments dropped', ['/ws//news/', 'a.txt'], '/ws/news/a.txt'],
        ['relative stays relative', ['news', 'a.txt'], 'news/a.txt'],
        ['.. goes up', ['news/old', '../a.txt'], 'news/a.txt'],
      ],
      joinPath,
    );
    table<[string], string>(
      [
        ['a file in a folder', ['/ws/news/a.txt'], '/ws/news'],
        ['trailing slashes dropped first', ['/ws/news//'], '/ws'],
        ['a root file', ['/a.txt'], '/'],
        ['no slash: the current folder', ['a.txt'], '.'],
      ],
      dirName,
    );
    table<[string, string], string>(
      [
        ['below', ['/ws', '/ws/news/a.txt'], 'news/a.txt'],
        ['beside', ['/ws/news', '/ws/notes/a.txt'], '../notes/a.txt'],
        ['above', ['/ws/news/old', '/ws/a.txt'], '../../a.txt'],
        ['the folder itself', ['/ws/news/', '/ws/news'], '.'],
      ],
      relativePath,
    );
    table<[string, string], boolean>(
      [
        ['the folder itself', ['/ws', '/ws'], true],
        ['inside', ['/ws', '/ws/a.txt'], true],
        ['inside, the folder with trailing slashes', ['/ws//', '/ws/a.txt'], true],
        ['the folder itself, with a trailing slash', ['/ws/', '/ws'], true],
        ['a folder whose name starts the same', ['/ws', '/ws2/a.txt'], false],
      ],
      isInside,
    );
  });

  it('sidecarPathFor and documentPathOfSidecar', () => {
    table<[string, SidecarPlacement], string>(
      [
        ['beside, with a workspace folder', ['/ws/news/a.txt', { location: 'beside', workspaceFolderPath: '/ws', sidecarFolder: '.quotelens' }], '/ws/news/a.txt.annotations.json'],
        ['folder, without a workspace folder: beside', ['/ws/news/a.txt', { location: 'folder', sidecarFolder: '.quotelens' }], '/ws/news/a.txt.annotations.json'],
        ['folder, nested sidecar folder', ['/ws/a.txt', { location: 'folder', workspaceFolderPath: '/ws/', sidecarFolder: 'meta/./sidecars' }], '/ws/meta/sidecars/a.txt.annotations.json'],
      ],
      sidecarPathFor,
    );
    table<[string, string?], string>(
      [
        ['stored path beside', ['/ws/news/a.txt.annotations.json', 'a.txt'], '/ws/news/a.txt'],
        ['a root sidecar', ['/a.txt.annotations.json', 'a.txt'], '/a.txt'],
        ['an empty stored path: from the name', ['/ws/a.txt.annotations.json', ''], '/ws/a.txt'],
        ['not a sidecar name: kept', ['/ws/a.json'], '/ws/a.json'],
      ],
      documentPathOfSidecar,
    );
  });
});
