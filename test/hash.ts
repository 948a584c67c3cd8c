/** The document hash as the hosts compute it (the sidecar layer takes it as data). */
import { createHash } from 'node:crypto';

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lower-case hex digits. */
export function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
