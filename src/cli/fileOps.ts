/**
 * The file operations of the CLI (documents, sidecars, locks, temp files), as promises over the
 * synchronous calls of `node:fs`.
 *
 * Why synchronous: a batch spends its time on many small operations (stat, read, temp file, lock,
 * re-read, rename), each a few microseconds in the kernel. Through `node:fs/promises` each one also
 * travels to libuv's thread pool and back (thread wake-ups, an event-loop turn), which cost more CPU
 * than the operation itself: measured over 2,000 articles, 0.8 ms of system time per file, most of it
 * futex and epoll calls. The CLI's threads (the main thread of a single run, each pool worker) have
 * nothing else to do while a file operation runs, so a direct call is the cheaper way; the functions
 * still return promises so that callers keep the same shape (and the sidecar port its interface).
 */
import * as fs from 'node:fs';

/** `op`'s result as a resolved promise, or its error (a Node `SystemError` with a `code`) as a rejected one. */
function run<T>(op: () => T): Promise<T> {
  return new Promise((resolve) => resolve(op()));
}

export function readFile(file: string): Promise<Buffer>;
export function readFile(file: string, encoding: 'utf8'): Promise<string>;
export function readFile(file: string, encoding?: 'utf8'): Promise<Buffer | string> {
  return run(() => (encoding ? fs.readFileSync(file, encoding) : fs.readFileSync(file)));
}

export function writeFile(file: string, content: string, options: { flag: 'wx'; encoding?: 'utf8' }): Promise<void> {
  return run(() => fs.writeFileSync(file, content, options));
}
export function stat(file: string): Promise<fs.Stats> {
  return run(() => fs.statSync(file));
}
export function link(existing: string, target: string): Promise<void> {
  return run(() => fs.linkSync(existing, target));
}
export function rename(from: string, to: string): Promise<void> {
  return run(() => fs.renameSync(from, to));
}
export function unlink(file: string): Promise<void> {
  return run(() => fs.unlinkSync(file));
}
export function readdir(dir: string): Promise<string[]> {
  return run(() => fs.readdirSync(dir));
}
