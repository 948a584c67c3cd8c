// A small sidecar built with the real store operations, shared by the extension model tests.
import { addAnnotation, addEntity, emptySidecar, setStatus } from '../../src/sidecar';
import type { Sidecar } from '../../src/sidecar/types';
import { sha256Of } from '../hash';

export const TEXT = 'Mayor Ilse Brandt said: "We will open 3 new parks by 2027." Brandt added: "Nobody waits longer."\nCritics said the plan costs €12 million.';

function must<T>(r: T | { error: string }): T {
  if (typeof r === 'object' && r !== null && 'error' in r) throw new Error(r.error);
  return r;
}

export function span(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { start, end: start + needle.length };
}

export interface Built {
  sidecar: Sidecar;
  ids: { q1: string; q2: string; q3: string; mention: string; figure: string; money: string };
  brandt: string;
  critics: string;
}

/** Two quotes by Brandt (one suggested), one unattributed (rejected), a mention, two figures. */
export function buildSample(): Built {
  let s = emptySidecar('sample.txt', TEXT, sha256Of(TEXT));
  const b = addEntity(s, 'Ilse Brandt', 'person');
  s = b.sidecar;
  const c = addEntity(s, 'Critics', 'group');
  s = c.sidecar;
  const q1 = must(addAnnotation(s, TEXT, { type: 'quote', ...span(TEXT, '"We will open 3 new parks by 2027."'), speaker: b.entity.id, cue: span(TEXT, 'said') }));
  s = q1.sidecar;
  const q2 = must(addAnnotation(s, TEXT, { type: 'quote', ...span(TEXT, '"Nobody waits longer."'), speaker: b.entity.id }));
  s = q2.sidecar;
  const q3 = must(addAnnotation(s, TEXT, { type: 'quote', ...span(TEXT, 'the plan costs'), speaker: null }));
  s = q3.sidecar;
  const m = must(addAnnotation(s, TEXT, { type: 'speaker', ...span(TEXT, 'Ilse Brandt'), entity: b.entity.id }));
  s = m.sidecar;
  const f = must(addAnnotation(s, TEXT, { type: 'figure', ...span(TEXT, '3 new parks'), kind: 'count', unit: 'parks' }));
  s = f.sidecar;
  const money = must(addAnnotation(s, TEXT, { type: 'figure', ...span(TEXT, '€12 million'), kind: 'money', unit: null }));
  s = money.sidecar;
  s = setStatus(s, [q2.annotation.id, f.annotation.id], 'suggested');
  s = setStatus(s, [q3.annotation.id], 'rejected');
  return {
    sidecar: s,
    ids: { q1: q1.annotation.id, q2: q2.annotation.id, q3: q3.annotation.id, mention: m.annotation.id, figure: f.annotation.id, money: money.annotation.id },
    brandt: b.entity.id,
    critics: c.entity.id,
  };
}
