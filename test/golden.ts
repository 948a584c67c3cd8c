/**
 * Golden files: the sidecar `quotelens analyze` writes for each sample article, each workspace
 * fixture and each edge-case text in test/golden/inputs (emoji, CRLF, CR only, a quote over
 * several paragraphs, a corrupted apostrophe), kept in test/golden/expected. The unit test compares
 * the CLI's job, run in process, with them byte for byte; `npm run golden:update` rewrites them, to
 * be reviewed in the diff like code.
 */
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeFile } from '../src/cli/analyzeJob';
import { nodeSidecarPort } from '../src/cli/sidecarFiles';

/** The repository's root (this file runs from out/test). */
export const ROOT = path.resolve(__dirname, '..', '..');

const SOURCES: Record<string, string> = {
  samples: 'samples',
  fixtures: 'test/fixtures/workspace',
  inputs: 'test/golden/inputs',
};

export interface GoldenCase {
  /** e.g. "samples/harbour-wind.txt" */
  name: string;
  input: string;
  expected: string;
}

export const EXPECTED_DIR = path.join(ROOT, 'test', 'golden', 'expected');

export async function goldenCases(): Promise<GoldenCase[]> {
  const cases: GoldenCase[] = [];
  for (const [group, dir] of Object.entries(SOURCES)) {
    const files = (await readdir(path.join(ROOT, dir))).filter((f) => f.endsWith('.txt')).sort();
    for (const f of files) {
      cases.push({ name: `${group}/${f}`, input: path.join(ROOT, dir, f), expected: path.join(EXPECTED_DIR, group, `${f}.annotations.json`) });
    }
  }
  return cases;
}

/**
 * The sidecar JSON the CLI produces for `input` alone: the file is analysed from a copy in a fresh
 * folder, so a sidecar someone left beside the original is not merged in.
 */
export async function analyseFresh(input: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'quotelens-golden-'));
  try {
    const copy = path.join(dir, path.basename(input));
    await copyFile(input, copy);
    const result = await analyzeFile({ kind: 'file', file: copy, toStdout: true }, nodeSidecarPort);
    if (result.outcome !== 'analysed') throw new Error(`${input}: ${result.stderr.trim()}`);
    return result.stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
