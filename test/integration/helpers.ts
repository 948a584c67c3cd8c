// Helpers shared by the integration tests: the workspace folder, the extension's test API, waiting
// for a condition (never fixed sleeps), and files read through VS Code's file system API.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/extension/constants';
import type { QuoteLensApi } from '../../src/extension/extension';
import { parseSidecar } from '../../src/sidecar';
import type { Sidecar } from '../../src/sidecar/types';

export const enc = new TextEncoder();
export const dec = new TextDecoder();

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

/** A path inside the test workspace folder. */
export function ws(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(folder(), ...parts);
}

/** Polls `probe` every 50 ms until it gives a truthy value; fails after `ms`. */
export async function until<T>(what: string, probe: () => T | Promise<T>, ms = 10000): Promise<NonNullable<T>> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The API that activate() returns in test mode. */
export async function api(): Promise<QuoteLensApi> {
  const ext = vscode.extensions.getExtension<QuoteLensApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} not loaded`);
  return ext.activate();
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return dec.decode(await vscode.workspace.fs.readFile(uri));
}

/** The sidecar file as it is on disk now (no flush), validated. */
export async function onDisk(uri: vscode.Uri): Promise<Sidecar> {
  const parsed = parseSidecar(await readText(uri));
  assert.ok(parsed.ok, `valid sidecar on disk: ${parsed.ok ? '' : JSON.stringify(parsed.issues)}`);
  return parsed.sidecar;
}
