/** Generated news-like articles for the fault suite (no real articles are copied into the repo). */
import { seeded } from './random';

export const NAMES = ['Anna Berg', 'Tom Weiss', 'Carla Ruiz', 'Olaf Lind', 'Mia Chen', 'Raj Patel'];

/**
 * A news-like article of about `chars` characters (ASCII: as many bytes): quotes, speakers and
 * figures in three sentences out of four, or in every sentence when `dense`.
 */
export function article(chars: number, seed: number, dense = false): string {
  const next = seeded(seed);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const name = NAMES[Math.floor(next() * NAMES.length)];
    const n = Math.floor(next() * 900) + 10;
    const sentence = [
      `"We will cut costs by ${n % 90}% and hire ${n} staff," said ${name}.`,
      `${name} said: "The plan worth $${n} million is ready."`,
      `According to ${name}, ${n} families moved to the city in ${1990 + (n % 30)}.`,
      `The council met again on Tuesday and the debate went on for hours.`,
    ][i % (dense ? 3 : 4)];
    const piece = sentence + (i % 5 === 4 ? '\n\n' : ' ');
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}
