/**
 * Glob matching for `quotelens.files` / `quotelens.exclude` on slash paths relative to the
 * workspace folder: `**`, `*`, `?`, `{a,b}` and `[...]`, as in VS Code's own glob settings.
 */

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Compiles a glob to an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders (including none); a trailing `**` matches anything.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') {
      re += '[^/]';
    } else if (ch === '{') {
      inGroup++;
      re += '(?:';
    } else if (ch === '}' && inGroup > 0) {
      inGroup--;
      re += ')';
    } else if (ch === ',' && inGroup > 0) {
      re += '|';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        re += '\\[';
      } else {
        const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = close;
      }
    } else {
      re += escapeRegex(ch);
    }
  }
  return new RegExp(`^${re}$`);
}

/** True when the slash path (relative, no leading slash; or absolute) matches any glob. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const rel = path.replace(/^\/+/, '');
  return globs.some((g) => {
    const re = globToRegExp(g.replace(/^\.?\/+/, ''));
    return re.test(rel) || re.test(path);
  });
}
