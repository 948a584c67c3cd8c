/**
 * Scores the analysis core against the gold annotations in ../shared/gold (quote F1, speaker
 * accuracy, figure F1) and prints a table. Skips with a message when ../shared is absent.
 * Then, per attribution rule, how many quotes it gave a speaker and how many of those were right;
 * with `--polnear DIR` (PolNeAR's `data` folder, fetched, never committed) the same on its train and
 * dev splits (the test split is never read).
 * Usage: npm run eval [-- --verbose] [-- --gold DIR --seeds DIR] [-- --polnear DIR]
 */
import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { analyze, ATTRIBUTION_RULES, type Analysis, type Entity } from '../src/core';
import { norm, parseBratAttributions, scoreAgainstBrat, type RuleTally } from './polnear';

interface GoldSpan { start: number; end: number; text: string }
interface GoldQuote extends GoldSpan { kind: string; speaker: string | null; cue: GoldSpan | null; speakerMention: GoldSpan | null }
interface GoldFigure extends GoldSpan { kind: string; unit: string | null }
interface Gold { doc: string; entities: Entity[]; quotes: GoldQuote[]; figures: GoldFigure[]; mentions: (GoldSpan & { entity: string })[] }

export interface Score {
  doc: string;
  quote: { tp: number; fp: number; fn: number };
  quoteKind: { correct: number; total: number };
  speaker: { correct: number; total: number };
  figure: { tp: number; fp: number; fn: number };
  problems: string[];
  /** Per rule id ("(none)": no speaker found): quotes matched with gold, and how many were right. */
  rules: Map<string, RuleTally>;
}

const f1 = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }): number => (tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn));

function forms(e: Entity | undefined): Set<string> {
  return new Set(e ? [e.name, ...e.aliases].map(norm) : []);
}

/** A predicted speaker matches a gold one when their ids match or their names/aliases overlap. */
function sameSpeaker(goldId: string | null, gold: Gold, predId: string | null, pred: Analysis, predMention: string | null): boolean {
  if (goldId === null || predId === null) return goldId === predId;
  if (goldId === predId) return true;
  const g = forms(gold.entities.find((e) => e.id === goldId));
  const p = forms(pred.entities.find((e) => e.id === predId));
  for (const f of p) if (g.has(f)) return true;
  return predMention !== null && g.has(norm(predMention));
}

export function score(doc: string, text: string, gold: Gold, pred: Analysis): Score {
  const s: Score = { doc, quote: { tp: 0, fp: 0, fn: 0 }, quoteKind: { correct: 0, total: 0 }, speaker: { correct: 0, total: 0 }, figure: { tp: 0, fp: 0, fn: 0 }, problems: [], rules: new Map() };
  const key = (x: { start: number; end: number }): string => `${x.start}:${x.end}`;
  const predQuotes = new Map(pred.quotes.map((q) => [key(q), q]));
  const goldQuoteKeys = new Set(gold.quotes.map(key));
  for (const g of gold.quotes) {
    const p = predQuotes.get(key(g));
    s.speaker.total++;
    if (!p) {
      s.quote.fn++;
      s.problems.push(`missed quote ${g.start} ${g.text.slice(0, 50)}`);
      continue;
    }
    s.quote.tp++;
    s.quoteKind.total++;
    if (p.kind === g.kind) s.quoteKind.correct++;
    else s.problems.push(`kind ${g.start} ${g.text.slice(0, 40)}: gold ${g.kind}, got ${p.kind}`);
    const pm = p.speakerMention ? text.slice(p.speakerMention.start, p.speakerMention.end) : null;
    const rule = s.rules.get(p.rule ?? '(none)') ?? { fired: 0, right: 0 };
    s.rules.set(p.rule ?? '(none)', rule);
    rule.fired++;
    if (sameSpeaker(g.speaker, gold, p.speaker, pred, pm)) {
      s.speaker.correct++;
      rule.right++;
    } else s.problems.push(`speaker ${g.start} ${g.text.slice(0, 40)}: gold ${g.speaker} (${g.speakerMention?.text ?? '-'}), got ${p.speaker} (${pm ?? '-'})`);
  }
  for (const p of pred.quotes) if (!goldQuoteKeys.has(key(p))) {
    s.quote.fp++;
    s.problems.push(`extra quote ${p.start} ${p.text.slice(0, 50)}`);
  }
  const goldFig = new Map(gold.figures.map((f) => [key(f), f]));
  const matched = new Set<string>();
  for (const p of pred.figures) {
    const g = goldFig.get(key(p));
    if (g && g.kind === p.kind) {
      s.figure.tp++;
      matched.add(key(p));
    } else {
      s.figure.fp++;
      s.problems.push(`extra figure ${p.start} "${p.text}" ${p.kind}${g ? ` (gold ${g.kind})` : ''}`);
    }
  }
  for (const g of gold.figures) if (!matched.has(key(g))) {
    s.figure.fn++;
    s.problems.push(`missed figure ${g.start} "${g.text}" ${g.kind}`);
  }
  return s;
}

async function exists(p: string): Promise<boolean> {
  try {
    await readdir(p);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const root = path.resolve(__dirname, '..', '..');
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const goldDir = arg('--gold') ?? path.resolve(root, '..', 'shared', 'gold');
  const seedDir = arg('--seeds') ?? path.resolve(root, '..', 'shared', 'seeds');
  if (!(await exists(goldDir)) || !(await exists(seedDir))) {
    console.log(`eval: skipped — no gold annotations at ${path.relative(process.cwd(), goldDir)} (the shared folder is not beside this clone).`);
    return;
  }
  const files = (await readdir(goldDir)).filter((f) => f.endsWith('.json')).sort();
  const scores: Score[] = [];
  for (const f of files) {
    const gold = JSON.parse(await readFile(path.join(goldDir, f), 'utf8')) as Gold;
    const text = await readFile(path.join(seedDir, gold.doc), 'utf8');
    scores.push(score(gold.doc, text, gold, analyze(text)));
  }
  const total: Score = scores.reduce<Score>((a, s) => ({
    doc: 'all',
    quote: { tp: a.quote.tp + s.quote.tp, fp: a.quote.fp + s.quote.fp, fn: a.quote.fn + s.quote.fn },
    quoteKind: { correct: a.quoteKind.correct + s.quoteKind.correct, total: a.quoteKind.total + s.quoteKind.total },
    speaker: { correct: a.speaker.correct + s.speaker.correct, total: a.speaker.total + s.speaker.total },
    figure: { tp: a.figure.tp + s.figure.tp, fp: a.figure.fp + s.figure.fp, fn: a.figure.fn + s.figure.fn },
    problems: [],
    rules: addTallies(a.rules, s.rules),
  }), { doc: 'all', quote: { tp: 0, fp: 0, fn: 0 }, quoteKind: { correct: 0, total: 0 }, speaker: { correct: 0, total: 0 }, figure: { tp: 0, fp: 0, fn: 0 }, problems: [], rules: new Map() });
  const pct = (n: number): string => n.toFixed(3);
  const row = (s: Score): string => `| ${s.doc.padEnd(26)} | ${pct(f1(s.quote)).padStart(8)} | ${pct(s.quoteKind.total ? s.quoteKind.correct / s.quoteKind.total : 1).padStart(9)} | ${`${pct(s.speaker.total ? s.speaker.correct / s.speaker.total : 1)} (${s.speaker.correct}/${s.speaker.total})`.padStart(16)} | ${pct(f1(s.figure)).padStart(9)} |`;
  console.log('| document                   | quote F1 | kind acc. | speaker accuracy | figure F1 |');
  console.log('|----------------------------|----------|-----------|------------------|-----------|');
  for (const s of scores) console.log(row(s));
  console.log(row(total));
  console.log('\nTargets: quote F1 ≥ 0.95, speaker accuracy ≥ 0.90, figure F1 ≥ 0.95.');
  if (args.includes('--verbose')) for (const s of scores) for (const p of s.problems) console.log(`${s.doc}: ${p}`);
  console.log(`\nPer rule, shared gold (quotes found and in the gold):\n${ruleTable(total.rules).join('\n')}`);
  const polnear = arg('--polnear');
  if (polnear) {
    for (const split of ['train', 'dev']) {
      const tally = await scorePolnear(path.join(polnear, split));
      console.log(`\nPer rule, PolNeAR ${split} (quotes inside an attribution's content):\n${ruleTable(tally).join('\n')}`);
    }
  }
}

function addTallies(a: ReadonlyMap<string, RuleTally>, b: ReadonlyMap<string, RuleTally>): Map<string, RuleTally> {
  const out = new Map<string, RuleTally>();
  for (const m of [a, b]) for (const [id, t] of m) {
    const o = out.get(id) ?? { fired: 0, right: 0 };
    out.set(id, { fired: o.fired + t.fired, right: o.right + t.right });
  }
  return out;
}

/** A Markdown table: every rule in table order (also those that never fired), then "(none)" and all. */
export function ruleTable(tally: ReadonlyMap<string, RuleTally>): string[] {
  const ids = [...ATTRIBUTION_RULES.map((r) => r.id as string), ...[...tally.keys()].filter((k) => k !== '(none)' && !ATTRIBUTION_RULES.some((r) => r.id === k)), '(none)'];
  const line = (id: string, t: RuleTally): string => `| ${id.padEnd(24)} | ${String(t.fired).padStart(5)} | ${String(t.right).padStart(5)} | ${(t.fired ? (t.right / t.fired).toFixed(3) : '–').padStart(9)} |`;
  const all = [...tally.values()].reduce((a, t) => ({ fired: a.fired + t.fired, right: a.right + t.right }), { fired: 0, right: 0 });
  return ['| rule                     | fired | right | precision |', '|--------------------------|-------|-------|-----------|', ...ids.map((id) => line(id, tally.get(id) ?? { fired: 0, right: 0 })), line('all', all)];
}

/** One split of PolNeAR (SPLIT/attributions/*.ann, SPLIT/text/*.txt): the first annotator's file per article. */
async function scorePolnear(dir: string): Promise<Map<string, RuleTally>> {
  if (path.basename(dir) === 'test') throw new Error('the PolNeAR test split is never read');
  const tally = new Map<string, RuleTally>();
  const seen = new Set<string>();
  for (const f of (await readdir(path.join(dir, 'attributions'))).filter((n) => n.endsWith('.ann')).sort()) {
    const article = f.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (seen.has(article)) continue;
    seen.add(article);
    const text = await readFile(path.join(dir, 'text', `${article}.txt`), 'utf8');
    scoreAgainstBrat(text, parseBratAttributions(await readFile(path.join(dir, 'attributions', f), 'utf8')), analyze(text), tally);
  }
  return tally;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
