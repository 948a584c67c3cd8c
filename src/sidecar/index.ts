/**
 * The sidecar layer: `article.txt` → `article.txt.annotations.json`. Plain strings and objects in
 * and out; no `vscode`, no Node built-ins.
 */
export * from './types';
export * from './schema';
export * from './serialize';
export * from './stableHash';
export * from './anchor';
export * from './typing';
export * from './store';
export * from './merge';
export * from './guardedWrite';
export * from './textFile';
export * from './documentPath';
export * from './issueLocation';
