/**
 * How the extension hashes document texts for the sidecar layer (which takes the hash as data and
 * never hashes itself). The desktop extension host is Node, so `nodeHasher` uses `node:crypto`; a
 * web build would swap in WebCrypto's `crypto.subtle.digest` (asynchronous) here.
 */
import { sha256Hex } from '../../platform/node';

export interface DocumentHasher {
  /** SHA-256 of the UTF-8 bytes of `text` (lone surrogates as U+FFFD), 64 lower-case hex digits. */
  sha256(text: string): string;
}

export const nodeHasher: DocumentHasher = {
  sha256: sha256Hex,
};
