/**
 * Rewrites the golden files in test/golden/expected from the current analysis (see test/golden.ts)
 * and removes those whose input is gone. Review the diff before committing it.
 * Usage: npm run golden:update
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { EXPECTED_DIR, ROOT, analyseFresh, goldenCases } from '../test/golden';

async function main(): Promise<void> {
  const cases = await goldenCases();
  const keep = new Set(cases.map((c) => c.expected));
  let changed = 0;
  for (const c of cases) {
    const json = await analyseFresh(c.input);
    const before = await readFile(c.expected, 'utf8').catch(() => undefined);
    if (before === json) continue;
    await mkdir(path.dirname(c.expected), { recursive: true });
    await writeFile(c.expected, json);
    changed++;
    console.log(`${before === undefined ? 'added  ' : 'changed'} ${path.relative(ROOT, c.expected)}`);
  }
  for (const group of await readdir(EXPECTED_DIR).catch(() => [] as string[])) {
    for (const f of await readdir(path.join(EXPECTED_DIR, group))) {
      const file = path.join(EXPECTED_DIR, group, f);
      if (keep.has(file)) continue;
      await rm(file);
      changed++;
      console.log(`removed ${path.relative(ROOT, file)}`);
    }
  }
  console.log(`${cases.length} golden files, ${changed} changed; review them with git diff test/golden`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
