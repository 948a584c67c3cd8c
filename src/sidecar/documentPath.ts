/**
 * Where a sidecar's `document.path` may point. The path is relative to the sidecar's folder and
 * must stay inside a root folder: the sidecar's own folder (sidecar beside the article), or the
 * workspace folder for the "folder" placement (`.quotelens/sub/a.txt.annotations.json` →
 * `../../sub/a.txt`). Absolute paths, drive letters, backslashes, NUL and `..` that climb out of the
 * root are refused, so a hostile sidecar cannot make a reader open `/etc/passwd`.
 *
 *   resolveDocumentPath(sidecarPath, stored, root?) → { ok: true, path } | { ok: false, problem }
 *   documentRootOf(sidecarPath, sidecarFolderName?) → the root to use when only the path is known
 * Paths are slash-separated and should be absolute (convert Windows separators first). Pure.
 */

export type ResolvedDocumentPath = { ok: true; path: string } | { ok: false; problem: string };

function segments(p: string): string[] {
  return p.split('/').filter((s) => s.length > 0 && s !== '.');
}

function folderOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

/** A one-line problem with the stored path itself, before it is resolved. */
function syntaxProblem(stored: string): string | undefined {
  if (stored.length === 0) return 'document.path is empty';
  if (stored.includes('\u0000')) return 'document.path contains a NUL character';
  if (stored.includes('\\')) return 'document.path contains a backslash (use / between folders)';
  if (stored.startsWith('/')) return 'document.path is absolute (it must be relative to the sidecar)';
  if (/^[A-Za-z]:/.test(stored)) return 'document.path starts with a drive letter (it must be relative to the sidecar)';
  return undefined;
}

/**
 * The document path a sidecar names, resolved against the sidecar's folder, provided it stays
 * inside `root` (default: the sidecar's folder).
 */
export function resolveDocumentPath(sidecarPath: string, stored: string, root = folderOf(sidecarPath)): ResolvedDocumentPath {
  const problem = syntaxProblem(stored);
  if (problem) return { ok: false, problem: stored ? `${problem}: ${JSON.stringify(stored)}` : problem };
  const absolute = sidecarPath.startsWith('/');
  const resolved = segments(folderOf(sidecarPath));
  for (const seg of segments(stored)) {
    if (seg === '..') {
      if (resolved.length === 0) return { ok: false, problem: `document.path leads outside its folder: ${JSON.stringify(stored)}` };
      resolved.pop();
    } else {
      resolved.push(seg);
    }
  }
  const rootSegs = segments(root);
  const inside = resolved.length > rootSegs.length && rootSegs.every((s, i) => resolved[i] === s);
  if (!inside) return { ok: false, problem: `document.path leads outside its folder: ${JSON.stringify(stored)}` };
  return { ok: true, path: `${absolute ? '/' : ''}${resolved.join('/')}` };
}

/**
 * The folder a sidecar's document must lie in: the parent of the nearest enclosing sidecar folder
 * (`.quotelens` by default: the workspace folder of the "folder" placement), else the sidecar's folder.
 */
export function documentRootOf(sidecarPath: string, sidecarFolderName = '.quotelens'): string {
  const absolute = sidecarPath.startsWith('/');
  const folder = segments(folderOf(sidecarPath));
  const at = folder.lastIndexOf(sidecarFolderName);
  const root = at === -1 ? folder : folder.slice(0, at);
  return `${absolute ? '/' : ''}${root.join('/')}` || '.';
}
