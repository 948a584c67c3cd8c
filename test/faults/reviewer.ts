/**
 * A reviewer process for the concurrent-writer fault test: behaves like the extension saving a
 * review, one change at a time, through the shared protocol (`writeSidecarGuarded` with the Node
 * port). Run as `node reviewer.js DOCUMENT WRITES SEED PART PARTS`.
 *
 * Each change is an accept or a reject of a suggestion in its part of the annotations (ids are
 * split between reviewers so that two reviewers never decide the same annotation), or a manual
 * figure on a word. Every change the write acknowledged (present in what was written) is printed as
 * one JSON line `{"id", "status", "origin"}`; problems are printed as `{"error"}` lines.
 */
import { readFile } from 'node:fs/promises';
import { readSidecarText, nodeSidecarPort } from '../../src/cli/sidecarFiles';
import { addAnnotation, documentInfo, parseSidecar, reanchor, setStatus, writeSidecarGuarded, type Sidecar } from '../../src/sidecar';
import { seeded } from './random';
import { sha256Of } from '../hash';

export interface Acknowledged {
  id: string;
  status: 'accepted' | 'rejected';
  origin: 'auto' | 'manual';
}

/** Which reviewer owns a suggestion: a stable split of ids. */
export function ownerOf(id: string, parts: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % parts;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type Change = { sidecar: Sidecar; ack: Acknowledged } | undefined;

function pickChange(s: Sidecar, doc: string, next: () => number, part: number, parts: number, n: number): Change {
  const mine = s.annotations.filter((a) => a.status === 'suggested' && !a.orphaned && ownerOf(a.id, parts) === part);
  if (mine.length > 0 && next() < 0.7) {
    const a = mine[Math.floor(next() * mine.length)];
    const status = next() < 0.7 ? 'accepted' : 'rejected';
    return { sidecar: setStatus(s, [a.id], status), ack: { id: a.id, status, origin: a.origin } };
  }
  const words = [...doc.matchAll(/[A-Za-z]{4,}/g)];
  const w = words[Math.floor(next() * words.length)];
  const id = `m-${part}-${process.pid}-${n}`;
  const added = addAnnotation(s, doc, { type: 'figure', start: w.index, end: w.index + w[0].length, kind: 'vague', unit: null }, { id });
  return 'error' in added ? undefined : { sidecar: added.sidecar, ack: { id, status: 'accepted', origin: 'manual' } };
}

function holds(s: Sidecar, ack: Acknowledged): boolean {
  return s.annotations.some((a) => a.id === ack.id && a.status === ack.status && a.origin === ack.origin);
}

async function review(docPath: string, writes: number, seed: number, part: number, parts: number): Promise<void> {
  const next = seeded(seed);
  const sidecarPath = docPath + '.annotations.json';
  let done = 0;
  for (let attempt = 0; done < writes && attempt < writes * 50; attempt++) {
    await sleep(next() * 20);
    const doc = await readFile(docPath, 'utf8');
    const text = await readSidecarText(sidecarPath);
    if (text === undefined) continue;
    const parsed = parseSidecar(text);
    if (!parsed.ok) {
      process.stdout.write(`${JSON.stringify({ error: `invalid sidecar read: ${parsed.issues[0].message}` })}\n`);
      continue;
    }
    // Like the editor opening a document changed on disk: re-anchor to the text it shows.
    let current = parsed.sidecar;
    if (current.document.sha256 !== sha256Of(doc)) {
      current = { ...current, document: documentInfo(current.document.path, doc, sha256Of(doc)), annotations: reanchor(doc, current.annotations) };
    }
    const change = pickChange(current, doc, next, part, parts, done);
    if (!change) continue;
    const result = await writeSidecarGuarded(nodeSidecarPort, sidecarPath, text, change.sidecar, { documentText: doc, documentHash: sha256Of(doc) });
    if (!result.ok) {
      process.stdout.write(`${JSON.stringify({ error: result.message })}\n`);
      continue;
    }
    done++;
    if (holds(result.sidecar, change.ack)) process.stdout.write(`${JSON.stringify(change.ack)}\n`);
  }
}

if (require.main === module) {
  const [docPath, writes, seed, part, parts] = process.argv.slice(2);
  review(docPath, Number(writes), Number(seed), Number(part), Number(parts)).catch((e: unknown) => {
    process.stdout.write(`${JSON.stringify({ error: `reviewer crashed: ${String(e)}` })}\n`);
    process.exitCode = 1;
  });
}
