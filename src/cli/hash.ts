/** The document hash the sidecar layer is given: Node's own SHA-256, not one written in TypeScript. */
import { createHash } from 'node:crypto';

/**
 * SHA-256 of the UTF-8 bytes of `text`, as 64 lower-case hex digits (lone surrogates are encoded
 * as U+FFFD, as `TextEncoder` does, so the hash is the one earlier versions wrote).
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
