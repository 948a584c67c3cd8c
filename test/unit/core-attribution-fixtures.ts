// Shared by the attribution tables (core-attribution-*.test.ts): each row is [name, text, the
// expected [quote, speaker name, cue, speaker mention] of every quote], compared whole.
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core';

export type Found = [quote: string, speaker: string | null, cue: string | null, mention: string | null];
export type Row = [name: string, text: string, expected: Found[]];

/** [quote text, speaker name, cue text, speaker-mention text] for each quote. */
export function attributions(text: string): Found[] {
  const a = analyze(text);
  const name = (id: string | null): string | null => (id === null ? null : a.entities.find((e) => e.id === id)?.name ?? `?${id}`);
  const sl = (s: { start: number; end: number } | null): string | null => (s ? text.slice(s.start, s.end) : null);
  return a.quotes.map((q): Found => [q.text, name(q.speaker), sl(q.cue), sl(q.speakerMention)]);
}

/** One `describe` with one `it` per row. */
export function table(title: string, rows: readonly Row[]): void {
  describe(title, () => {
    for (const [name, text, expected] of rows) {
      it(name, () => {
        assert.deepStrictEqual(attributions(text), expected);
      });
    }
  });
}
