/**
 * The analysis core: plain strings in, plain objects out. Never imports `vscode` or Node built-ins.
 */
export * from './types';
export { analyze } from './analyze';
