import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core';
import { blockedLines, isHeadline, quoteKind } from '../../src/core/quotes';
import { splitLines } from '../../src/core/text';

const quotesOf = (text: string): string[] => analyze(text).quotes.map((q) => q.text);

describe('core: quote spans', () => {
  it('finds straight and curly double quotes, marks included', () => {
    const text = 'Mayor Ana Ruiz said "the bridge will open in May." Later she added “We are ready.”';
    assert.deepEqual(quotesOf(text), ['"the bridge will open in May."', '“We are ready.”']);
  });

  it('reads curly double marks typed the wrong way round: ” opening a paragraph or a word, “ closing after a word or comma', () => {
    const text = 'Ida Moss spoke.\n\n” … what I learned is simple,” she said.\n\n“Apparently not,“ Moss said. “A leopard keeps its spots.”\n\nShe called it ”bold” and “the best in the world“ last week.';
    assert.deepEqual(quotesOf(text), [
      '” … what I learned is simple,”',
      '“Apparently not,“',
      '“A leopard keeps its spots.”',
      '”bold”',
      '“the best in the world“',
    ]);
  });

  it("keeps a closing pair of apostrophes whole in ''…'' quotes", () => {
    const text = "''This is not reform,'' said Dana Holt, an economist. A so-called ''value-added tax'' came up.";
    assert.deepEqual(quotesOf(text), ["''This is not reform,''", "''value-added tax''"]);
    assert.equal(analyze(text).quotes[0].speaker, 'dana-holt');
  });

  it('does not take apostrophes for quote marks', () => {
    const text = "The council's plan and Norway’s budget don’t matter, the members’ votes do. Ruiz said it was 'bold'.";
    assert.deepEqual(quotesOf(text), ["'bold'"]);
  });

  it('keeps punctuation inside the marks and stops at the closing mark', () => {
    const text = "Tom Kell called the idea 'reckless,' adding that it was 'cheap'.";
    assert.deepEqual(quotesOf(text), ["'reckless,'", "'cheap'"]);
  });

  it('splits a quote interrupted by attribution into two spans', () => {
    const text = '“We will not stop,” Ruiz said. “The river is rising.”';
    assert.deepEqual(quotesOf(text), ['“We will not stop,”', '“The river is rising.”']);
  });

  it('treats ¿ between letters as an apostrophe and around a word as quote marks', () => {
    const text = 'Mr Ruiz¿s deputy Omar Bell warned the dam may not hold ¿forever¿ this year.';
    const a = analyze(text);
    assert.deepEqual(a.quotes.map((q) => q.text), ['¿forever¿']);
    assert.ok(a.mentions.some((m) => m.text === 'Mr Ruiz'), 'mention excludes the corrupted possessive');
  });

  it('ends unclosed pieces of a multi-paragraph quote at the paragraph end', () => {
    const text = 'Ruiz said: “The first part of my statement runs here.\n“And the second part closes it.”\n';
    assert.deepEqual(quotesOf(text), ['“The first part of my statement runs here.', '“And the second part closes it.”']);
  });

  it('splits merged paragraphs at each re-opening mark', () => {
    const text = "Omar Bell said: 'We made a plan for the valley. 'We kept it, and we will finish it.'";
    assert.deepEqual(quotesOf(text), ["'We made a plan for the valley.", "'We kept it, and we will finish it.'"]);
  });

  it('keeps nested quotes inside the outer span', () => {
    const text = '“They called it ‘a scandal’ on air,” Ruiz said.';
    assert.deepEqual(quotesOf(text), ['“They called it ‘a scandal’ on air,”']);
  });

  it('ignores quotes in headlines and embedded tweets', () => {
    const text = 'Valley Council Backs ‘Bold’ Flood Plan With ‘Strong’ Support\nFlood Plan Wins ‘Early’ Backing https://t.co/abcDEF123\n— River News (@RiverNews) March 3, 2024\nRuiz said it was ‘bold’.';
    assert.deepEqual(quotesOf(text), ['‘bold’']);
    const lines = splitLines(text);
    assert.deepEqual([...blockedLines(lines)].sort(), [0, 1, 2]);
    assert.equal(isHeadline('Ruiz said it was bold.'), false);
  });

  it('blocks lines with a t.co link or pic.twitter.com wherever the slashes are', () => {
    const lines = splitLines(
      [
        'Ruiz said 1/2 of it was ‘bold’ https://t.co/abc',
        'Ruiz said it was ‘bold’ pic.twitter.com/xyz',
        'https://t.co/abc Ruiz said it was ‘bold’.',
        'Ruiz said it was ‘bold’ at t.co and 1/2.',
        'Ruiz said it was ‘bold’ (http://example.com/t.co).',
        'Ruiz said it was ‘bold’ in t.co/ only.',
        'A/B tests ‘bold’ https://t.co/abc',
      ].join('\n'),
    );
    assert.deepEqual([...blockedLines(lines)].sort(), [0, 1, 2, 6]);
  });

  it('tells headlines by their end the way the sentence-end regex does, white space and closing marks included', () => {
    // The reference: trimmed, a sentence end with at most one closing mark after it is no headline.
    const reference = (line: string): boolean | null => (/[.!?…]["”’']?$/.test(line.trim()) ? false : null);
    const ends = ['', '.', '!', '?', '…', '."', '.”', '!’', "?'", '"', '”', '. ”', '.""', ',', ':', '.)', ' ', '\u00a0', '\t ', '.\u2029', '?”\u3000'];
    const bodies = ['Valley Council Backs Flood Plan', 'Ruiz said it was bold', 'A B', '“Bold” Plan Wins Backing', ''];
    let checked = 0;
    for (const body of bodies) {
      for (const end of ends) {
        for (const lead of ['', '  ', '\u00a0']) {
          const line = lead + body + end;
          const expected = reference(line);
          if (expected === false) {
            assert.equal(isHeadline(line), false, JSON.stringify(line));
            checked++;
          } else if (body.startsWith('Valley')) {
            // Not a sentence end: a title-case line stays a headline.
            assert.equal(isHeadline(line), true, JSON.stringify(line));
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 60);
    // Against the definition by splitting and filtering copies, on generated lines of title-case,
    // lower-case, small, marked, numeric and astral words.
    const small = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'as', 'from', 'vs', 'but']);
    const byDefinition = (line: string): boolean => {
      const t = line.trim();
      if (t.length === 0 || t.length > 200 || /[.!?…]["”’']?$/.test(t)) return false;
      const words = t.split(/\s+/).filter((w) => /^[\p{L}“‘"']/u.test(w));
      if (words.length < 3) return false;
      const caps = words.filter((w) => /^\p{Lu}/u.test(w.replace(/^[“‘"']/, '').slice(0, 1)) || small.has(w.toLowerCase())).length;
      return caps / words.length >= 0.85;
    };
    const pieces = ['Flood', 'plan', 'The', 'the', 'AND', 'With', '“Bold”', '‘early', '"Strong"', "'Main", '“', '2024', '𝐀lpha', 'Émile', 'élan', 'vs', 'x-ray', 'İstanbul', '—', 'From', 'with', 'from'];
    const spaces = [' ', '  ', '\t', '\u00a0', ' \u2003'];
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    let headlines = 0;
    for (let r = 0; r < 3000; r++) {
      let line = next(4) === 0 ? spaces[next(spaces.length)] : '';
      const count = 1 + next(9);
      for (let w = 0; w < count; w++) line += (w > 0 ? spaces[next(spaces.length)] : '') + pieces[next(pieces.length)];
      if (next(5) === 0) line += ['.', '”', ',', ' ', '?’'][next(5)];
      const expected = byDefinition(line);
      if (expected) headlines++;
      assert.equal(isHeadline(line), expected, JSON.stringify(line));
    }
    assert.ok(headlines > 100 && headlines < 2900, `${headlines} headlines`);
    assert.equal(isHeadline('Valley Council Backs Flood Plan ”'), true);
    assert.equal(isHeadline('  Valley Council Backs Flood Plan\u00a0'), true);
    assert.equal(isHeadline('Valley Council Backs Flood Plan.\u00a0'), false);
  });
});

describe('core: direct and partial quotes', () => {
  const cases: [string, 'direct' | 'partial'][] = [
    ["'bold'", 'partial'],
    ["'highly unusual'", 'partial'],
    ["'was the only way to save the town'", 'partial'],
    ['“means being ready to act”', 'partial'],
    ['“who would not be stationed near the dam”', 'partial'],
    ['“We are ready.”', 'direct'],
    ['“the policy has always been that we wait,”', 'direct'],
    ['“premature at this point, and talking about it now is wrong.”', 'direct'],
    ['“change anything here. This is unacceptable”', 'direct'],
    ['“Unfortunately we are still far away”', 'direct'],
    ["“it’s clear that the town must act”", 'direct'],
  ];
  for (const [q, kind] of cases) it(`${q} is ${kind}`, () => assert.equal(quoteKind(q), kind));

  it('tells the kind of a quote in a document as it does the quote alone (words read from the tokens there)', () => {
    // In a document the quote's words are the tokens' strings where they coincide; alone they are copies.
    const words = ['we', 'are', 'ready', 'it’s', 'U.S.', 'well-known', 'rock’n’roll', 'x’9', '90’s', '𝐀lpha', 'Vale¿s', 'they', 'Unfortunately', 'the', 'policy', 'has', 'been', 'who', 'İstanbul', 'said', 'This', 'is', '.', ',', '3.79'];
    let seed = 5;
    const next = (m: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % m;
    let direct = 0;
    for (let n = 0; n < 400; n++) {
      const inner = Array.from({ length: 1 + next(9) }, () => words[next(words.length)]).join(' ');
      const text = `Ruiz spoke on Monday. “${inner}” Ruiz said.`;
      const found = analyze(text).quotes;
      for (const q of found) {
        assert.equal(q.kind, quoteKind(q.text), JSON.stringify(q.text));
        if (q.kind === 'direct') direct++;
      }
    }
    assert.ok(direct > 20, `${direct} direct quotes`);
  });
});
