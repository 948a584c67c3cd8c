/**
 * A generated news article of about `chars` characters for the CLI benchmark and profiling: many
 * people (made-up names), direct quotes in straight and curly marks, reported speech, figures
 * (money, percentages, counts, years) and plain sentences, in paragraphs. Seeded, so every run and
 * every machine gets the same text. No real article is copied.
 */
import { seeded } from '../test/faults/random';
import { madeUpName } from './scaling-inputs';


const ROLES = ['the mayor', 'a council spokesperson', 'the finance minister', 'the union leader', 'the harbour master', 'a local shopkeeper'];
const PLACES = ['Stennick', 'Orla Bank', 'Greywater', 'Marrow Hill', 'Fenwick', 'Lowmoor'];
const CLAIMS = [
  'the plan would cost far more than promised',
  'the new quay would open next spring',
  'the school would stay open',
  'the budget had been cut twice',
  'nobody had asked the residents',
];

/** One sentence of kind `k` about `name`, with figure `n`. */
function sentence(k: number, name: string, n: number, pick: <T>(list: readonly T[]) => T): string {
  switch (k) {
    case 0:
      return `"We will cut costs by ${n % 90}% and hire ${n} staff," said ${name}, ${pick(ROLES)}.`;
    case 1:
      return `${name} said: “The plan worth $${n} million is ready, and ${pick(PLACES)} will see it first.”`;
    case 2:
      return `According to ${name}, ${n} families moved to ${pick(PLACES)} in ${1990 + (n % 30)}.`;
    case 3:
      return `${name} said ${pick(CLAIMS)}.`;
    case 4:
      return `‘It is the deepest berth on this coast,’ ${name} told reporters on Wednesday.`;
    case 5:
      return `The council met again on Tuesday and the debate in ${pick(PLACES)} went on for hours.`;
    default:
      return `Prices rose by ${(n % 97) / 10} per cent in the year to March, the statistics office said.`;
  }
}

/** A headline, a dateline and paragraphs of three to five sentences until `chars` is reached. */
export function newsArticle(chars: number, seed = 1): string {
  const next = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  // About 400 people, each quoted again and again, as in a long run of news stories.
  const people = Array.from({ length: 400 }, (_, i) => `${madeUpName(i + 17)} ${madeUpName(i * 3 + 1000)}`);
  const parts: string[] = [`Council approves harbour plan after long debate\n\n${pick(PLACES).toUpperCase()} — `];
  let length = parts[0].length;
  while (length < chars) {
    const count = 3 + Math.floor(next() * 3);
    const paragraph: string[] = [];
    for (let s = 0; s < count; s++) paragraph.push(sentence(Math.floor(next() * 7), pick(people), Math.floor(next() * 900) + 10, pick));
    const piece = paragraph.join(' ') + '\n\n';
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}
