/** Small hand-made documents and sidecars shared by the sidecar/export/cli tests. */
import type { Sidecar } from '../../src/sidecar/types';
import type { TextWindow } from '../../src/sidecar/typing';
import { addAnnotation, addEntity, emptySidecar } from '../../src/sidecar/store';
import { sha256Of } from '../hash';

export const DOC = 'The mayor spoke on Monday. "We will rebuild the bridge by spring," said Anna Berg. Costs reached 4 million euros.\n';

export function at(doc: string, snippet: string, occurrence = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) {
    i = doc.indexOf(snippet, i + 1);
    if (i === -1) throw new Error(`snippet not found: ${snippet}`);
  }
  return { start: i, end: i + snippet.length };
}

export function unwrap<T>(r: T | { error: string }): T {
  if (typeof r === 'object' && r !== null && 'error' in r) throw new Error(r.error);
  return r;
}

/** A sidecar on DOC with one entity, a quote, a mention and a figure. */
export function sampleSidecar(doc = DOC): Sidecar {
  let s = emptySidecar('article.txt', doc, sha256Of(doc));
  s = addEntity(s, 'Anna Berg', 'person').sidecar;
  s = unwrap(addAnnotation(s, doc, { type: 'quote', ...at(doc, '"We will rebuild the bridge by spring,"'), kind: 'direct', speaker: 'anna-berg', cue: at(doc, 'said'), speakerMention: at(doc, 'Anna Berg') })).sidecar;
  s = unwrap(addAnnotation(s, doc, { type: 'speaker', ...at(doc, 'Anna Berg'), entity: 'anna-berg' })).sidecar;
  s = unwrap(addAnnotation(s, doc, { type: 'figure', ...at(doc, '4 million euros'), kind: 'money', unit: null })).sidecar;
  return s;
}

/** A text window that counts the code units read, to check that untouched annotations cost no text. */
export function countingWindow(text: string): TextWindow & { read: number } {
  const w = {
    length: text.length,
    read: 0,
    slice(start: number, end: number): string {
      w.read += end - start;
      return text.slice(start, end);
    },
  };
  return w;
}
