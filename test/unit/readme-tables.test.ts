// The README's commands and settings tables are generated from package.json and must be current.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');
const run = promisify(execFile);

describe('README tables', () => {
  it('README.md tables match package.json', async () => {
    try {
      await run(process.execPath, [path.join(ROOT, 'scripts/readme-tables.mjs'), '--check'], { cwd: ROOT });
    } catch (err) {
      assert.fail(`tables out of date; run "node scripts/readme-tables.mjs":\n${(err as { stderr?: string }).stderr ?? String(err)}`);
    }
  });

  it('lists every contributed command and setting', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[]; configuration: { properties: Record<string, unknown> } };
    };
    const doc = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    for (const c of pkg.contributes.commands) assert.ok(doc.includes(`\`${c.command}\``), c.command);
    for (const key of Object.keys(pkg.contributes.configuration.properties)) assert.ok(doc.includes(`\`${key}\``), key);
  });
});
