/**
 * Where a document's sidecar lives, computed on slash-separated URI paths (no Node `path`, so it
 * works for remote and virtual workspaces alike).
 */
import { SIDECAR_SUFFIX } from '../../sidecar/types';

export type SidecarLocation = 'beside' | 'folder';

export interface SidecarPlacement {
  location: SidecarLocation;
  /** Path of the workspace folder holding the document, if any. */
  workspaceFolderPath?: string;
  /** Sidecar folder relative to the workspace folder (for `folder`). */
  sidecarFolder: string;
}

function segments(p: string): string[] {
  return p.split('/').filter((s) => s.length > 0 && s !== '.');
}

/** Joins slash paths, resolving `..`; keeps a leading slash when the first part has one. */
export function joinPath(first: string, ...rest: string[]): string {
  const out: string[] = [];
  for (const seg of [first, ...rest].flatMap(segments)) {
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `${first.startsWith('/') ? '/' : ''}${out.join('/')}`;
}

export function dirName(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : p.slice(0, i);
}

/** Path of `to` relative to the folder `fromDir` (both absolute slash paths). */
export function relativePath(fromDir: string, to: string): string {
  const a = segments(fromDir);
  const b = segments(to);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

/** True when `child` is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const p = parent.replace(/\/+$/, '');
  return child === p || child.startsWith(`${p}/`);
}

export function isSidecarPath(p: string): boolean {
  return p.endsWith(SIDECAR_SUFFIX);
}

/** The sidecar path for a document path. `folder` placement falls back to `beside` outside a workspace folder. */
export function sidecarPathFor(docPath: string, placement: SidecarPlacement): string {
  const ws = placement.workspaceFolderPath;
  if (placement.location === 'folder' && ws !== undefined && isInside(ws, docPath)) {
    const rel = relativePath(ws, docPath);
    return joinPath(ws, placement.sidecarFolder, `${rel}${SIDECAR_SUFFIX}`);
  }
  return `${docPath}${SIDECAR_SUFFIX}`;
}

/** The `document.path` stored in a sidecar: the document relative to the sidecar's folder. */
export function documentPathInSidecar(sidecarPath: string, docPath: string): string {
  return relativePath(dirName(sidecarPath), docPath);
}

/** The document a sidecar describes: its stored relative path, or the sidecar name without the suffix. */
export function documentPathOfSidecar(sidecarPath: string, storedRelativePath?: string): string {
  if (storedRelativePath) return joinPath(dirName(sidecarPath), storedRelativePath);
  return isSidecarPath(sidecarPath) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : sidecarPath;
}
