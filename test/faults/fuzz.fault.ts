/**
 * Fuzzed inputs: 10,000 generated texts built from the pieces that have broken text tools before
 * (quote marks of every kind, line and paragraph separators, NUL, emoji and lone surrogates,
 * digits and separators, capitalised names, speech verbs). For each text the analysis and the
 * sidecar built from it must: not throw, keep every span in bounds and ordered, have each finding's
 * and annotation's text equal the document's slice, and validate against the sidecar schema.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { buildSidecar, checkAgainstDocument, parseSidecar, serializeSidecar } from '../../src/sidecar';
import { percent, recordFigure } from './figures';
import { sha256Of } from '../hash';

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '"', '“', '”', '‘', '’', "'", '«', '»', '„', '‚', '¿', '``', "''",
  '\n', '\n\n', '\r', '\r\n', '\u2028', '\u2029', '\u0000', '\t', ' ', '  ',
  '😀', '👩‍👩‍👧', '\ud83d', '\ude00', 'é', 'e\u0301',
  '1', '2,000', '3.5', '$', '€', '£', '%', 'per cent', '1990s', '’90s', 'million', 'in 2100',
  'said', 'says', 'told', 'added', 'according to', ':', ',', '.', '?', '!', '—', '-', '(', ')',
  'Mr.', 'Dr.', 'Ms. Jane Doe', 'Keir Starmer', 'Starmer', 'he', 'she', 'they', 'the minister',
  'the Baltic states', 'U.S. Army', 'Reuters', 'officials', 'Dorian\nWelk', 'PENCE:',
  'the', 'a', 'that', 'we will', 'not', 'options', 'off the table',
];

export function fuzzText(next: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(next() * 120);
  for (let i = 0; i < n; i++) {
    parts.push(PIECES[Math.floor(next() * PIECES.length)]);
    if (next() < 0.6) parts.push(' ');
  }
  return parts.join('');
}

function checkSpan(text: string, what: string, s: { start: number; end: number; text?: string }): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
  assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what}: ${s.start}..${s.end} within 0..${text.length}`);
  if (s.text !== undefined) assert.equal(s.text, text.slice(s.start, s.end), `${what}: text equals the slice`);
}

const TEXTS = 10_000;

describe('fault suite: fuzzed inputs', function () {
  it(`${TEXTS} generated texts: no exception, spans in bounds, text equals the slice, sidecar valid`, function () {
    const next = rng(20261201);
    let findings = 0;
    let failures = 0;
    const firstFailures: string[] = [];
    for (let i = 0; i < TEXTS; i++) {
      const text = fuzzText(next);
      try {
        const analysis = analyze(text);
        for (const q of analysis.quotes) {
          checkSpan(text, 'quote', q);
          if (q.cue) checkSpan(text, 'cue', q.cue);
          if (q.speakerMention) checkSpan(text, 'speaker mention', q.speakerMention);
          if (q.speaker !== null) assert.ok(analysis.entities.some((e) => e.id === q.speaker), 'quote speaker is an entity');
        }
        for (const m of analysis.mentions) {
          checkSpan(text, 'mention', m);
          assert.ok(analysis.entities.some((e) => e.id === m.entity), 'mention entity is an entity');
        }
        for (const f of analysis.figures) checkSpan(text, 'figure', f);
        findings += analysis.quotes.length + analysis.mentions.length + analysis.figures.length;
        const sidecar = buildSidecar('fuzz.txt', text, sha256Of(text), analysis);
        for (const a of sidecar.annotations) checkSpan(text, `annotation ${a.id}`, a);
        const parsed = parseSidecar(serializeSidecar(sidecar));
        assert.ok(parsed.ok, `sidecar validates: ${parsed.ok ? '' : JSON.stringify(parsed.issues.slice(0, 2))}`);
        const check = checkAgainstDocument(parsed.sidecar, text, sha256Of(text));
        assert.deepEqual(check.issues, [], 'sidecar agrees with its document');
      } catch (e) {
        failures++;
        if (firstFailures.length < 3) firstFailures.push(`text #${i} ${JSON.stringify(text.slice(0, 200))}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    recordFigure('Fuzzed inputs', 'texts analysed', TEXTS);
    recordFigure('Fuzzed inputs', 'findings checked', findings);
    recordFigure('Fuzzed inputs', 'texts with a failure', `${failures} (${percent(failures, TEXTS)})`, '0', failures === 0);
    assert.equal(failures, 0, firstFailures.join('\n'));
  });
});
