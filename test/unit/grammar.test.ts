// The TextMate grammar: every pattern compiles as a JavaScript RegExp, and sample lines scope as expected.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
  include?: string;
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

async function grammar(): Promise<Grammar> {
  return JSON.parse(await readFile(path.join(ROOT, 'syntaxes/quotelens.tmLanguage.json'), 'utf8')) as Grammar;
}

/** Texts of all matches of a rule's `match`, or of begin..end spans on one line. */
function spans(rule: Rule, line: string): string[] {
  if (rule.match) return [...line.matchAll(new RegExp(rule.match, 'g'))].map((m) => m[0]);
  const out: string[] = [];
  const begin = new RegExp(rule.begin!, 'g');
  const end = new RegExp(rule.end!.replace('|^(?=\\s*$)', ''), 'g');
  let m: RegExpExecArray | null;
  while ((m = begin.exec(line))) {
    end.lastIndex = m.index + m[0].length;
    const e = end.exec(line);
    const stop = e ? e.index + e[0].length : line.length;
    out.push(line.slice(m.index, stop));
    begin.lastIndex = stop;
  }
  return out;
}

describe('TextMate grammar', () => {
  it('declares the quotelens scopes and compiles every pattern as a JS RegExp', async () => {
    const g = await grammar();
    assert.equal(g.scopeName, 'text.quotelens');
    const names = new Set<string>();
    const visit = (r: Rule) => {
      if (r.name) names.add(r.name);
      for (const key of ['match', 'begin', 'end'] as const) {
        const src = r[key];
        if (src !== undefined) assert.doesNotThrow(() => new RegExp(src), `${key}: ${src}`);
      }
      r.patterns?.forEach(visit);
      if (r.include?.startsWith('#')) assert.ok(g.repository[r.include.slice(1)], `missing ${r.include}`);
    };
    g.patterns.forEach(visit);
    Object.values(g.repository).forEach(visit);
    for (const scope of ['string.quoted.double.quotelens', 'string.quoted.single.quotelens', 'constant.numeric.quotelens']) {
      assert.ok(names.has(scope), scope);
    }
    const json = JSON.stringify(g);
    assert.ok(json.includes('punctuation.definition.string.begin.quotelens'));
    assert.ok(json.includes('punctuation.definition.string.end.quotelens'));
  });

  it('scopes curly and straight double quotes', async () => {
    const g = await grammar();
    assert.deepEqual(spans(g.repository['quote-double-curly'], 'He said “we will stay” and left.'), ['“we will stay”']);
    assert.deepEqual(spans(g.repository['quote-double-straight'], 'She said "no comment" twice.'), ['"no comment"']);
  });

  it('does not start single quotes at apostrophes', async () => {
    const g = await grammar();
    const curly = g.repository['quote-single-curly'];
    const straight = g.repository['quote-single-straight'];
    assert.deepEqual(spans(curly, 'Britain’s plan, they don’t agree.'), []);
    assert.deepEqual(spans(straight, "Britain's plan, they don't agree."), []);
    assert.deepEqual(spans(curly, 'He called it ‘a disgrace’, then left.'), ['‘a disgrace’']);
    assert.deepEqual(spans(straight, "He said 'we don't give up' today."), ["'we don't give up'"]);
    // An unclosed single quotation inside a double one stops before the double closing mark.
    assert.deepEqual(spans(straight, '"He called it \'rubbish," she said.'), ["'rubbish,"]);
  });

  it('scopes figures with commas, decimals, percent and currency', async () => {
    const g = await grammar();
    const number = g.repository['number'];
    assert.deepEqual(spans(number, 'It cost $1,200.50 and rose 12% to 3,000 homes; €4.2 million in 2027.'), [
      '$1,200.50',
      '12%',
      '3,000',
      '€4.2 million',
      '2027',
    ]);
    assert.deepEqual(spans(number, 'by 8 per cent'), ['8 per cent']);
    assert.deepEqual(spans(number, 'room B12'), []);
  });
});
