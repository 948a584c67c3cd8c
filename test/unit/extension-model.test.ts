// Pure extension models: decoration plan, hover text, targets, undo stack, text helpers.
import assert from 'node:assert/strict';
import { decorationPlan, decorationPlanInSteps, DECORATION_KEYS, emptyPlan } from '../../src/extension/model/decorationPlan';
import { hoverContent } from '../../src/extension/model/hoverText';
import { annotationsAt, neighbourAnnotation, targetAnnotations } from '../../src/extension/model/targets';
import { baseName, escapeMarkdown, plural, shorten } from '../../src/extension/model/text';
import { UndoStack } from '../../src/extension/model/undoStack';
import { buildSample, span, TEXT } from './extension-fixtures';

const ALL_ON = { quotes: true, speakers: true, figures: true, showSuggestions: true, speakerAfterQuote: true };

/** The sample with the €12 million figure turned into an accepted machine suggestion. */
function sampleWithAutoAccepted() {
  const built = buildSample();
  const annotations = built.sidecar.annotations.map((a) => (a.id === built.ids.money ? { ...a, origin: 'auto' as const } : a));
  return { ...built.sidecar, annotations };
}

describe('extension model: decorationPlan', () => {
  it('gives suggested, accepted and hand-tagged spans each their own bucket; rejected stay hidden', () => {
    const plan = decorationPlan(sampleWithAutoAccepted(), ALL_ON);
    assert.deepStrictEqual(plan, {
      'quote.suggested': [span(TEXT, '"Nobody waits longer."')],
      'quote.accepted': [],
      'quote.manual': [span(TEXT, '"We will open 3 new parks by 2027."')],
      'speaker.suggested': [],
      'speaker.accepted': [],
      'speaker.manual': [span(TEXT, 'Ilse Brandt')],
      'figure.suggested': [span(TEXT, '3 new parks')],
      'figure.accepted': [span(TEXT, '€12 million')],
      'figure.manual': [],
      speakerLabels: [
        { at: span(TEXT, '"We will open 3 new parks by 2027."').end, label: '— Ilse Brandt' },
        { at: span(TEXT, '"Nobody waits longer."').end, label: '— Ilse Brandt' },
      ],
    });
    assert.deepStrictEqual(Object.keys(plan).sort(), [...DECORATION_KEYS, 'speakerLabels'].sort());
  });

  it('builds the same plan in steps of a few annotations, stopping after each step and before sorting', () => {
    const sidecar = sampleWithAutoAccepted();
    const steps = decorationPlanInSteps(sidecar, ALL_ON, 2);
    let stops = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) stops++;
    assert.deepStrictEqual(step.value, decorationPlan(sidecar, ALL_ON));
    assert.equal(stops, Math.ceil(sidecar.annotations.length / 2));
  });

  it('honours the settings; hiding suggestions keeps accepted and hand-tagged ones', () => {
    const sidecar = sampleWithAutoAccepted();
    const quote = span(TEXT, '"We will open 3 new parks by 2027."');
    assert.deepStrictEqual(decorationPlan(sidecar, { ...ALL_ON, showSuggestions: false, speakerAfterQuote: false }), {
      'quote.suggested': [],
      'quote.accepted': [],
      'quote.manual': [quote],
      'speaker.suggested': [],
      'speaker.accepted': [],
      'speaker.manual': [span(TEXT, 'Ilse Brandt')],
      'figure.suggested': [],
      'figure.accepted': [span(TEXT, '€12 million')],
      'figure.manual': [],
      speakerLabels: [],
    });
    assert.deepStrictEqual(decorationPlan(sidecar, { ...ALL_ON, quotes: false, speakers: false, figures: false }), emptyPlan());
    const onlyFigures = decorationPlan(sidecar, { ...ALL_ON, quotes: false, speakers: false });
    assert.deepStrictEqual(onlyFigures, { ...emptyPlan(), 'figure.suggested': [span(TEXT, '3 new parks')], 'figure.accepted': [span(TEXT, '€12 million')] });
  });

  it('never shows orphaned annotations; an absent sidecar gives an empty plan', () => {
    const { sidecar } = buildSample();
    const orphaned = { ...sidecar, annotations: sidecar.annotations.map((a) => ({ ...a, orphaned: true })) };
    assert.deepStrictEqual(decorationPlan(orphaned, ALL_ON), emptyPlan());
    assert.deepStrictEqual(decorationPlan(undefined, ALL_ON), emptyPlan());
  });
});

describe('extension model: hoverContent', () => {
  it('describes a quote: speaker, cue, status, kind, other quotes', () => {
    const { sidecar } = buildSample();
    const h = hoverContent(sidecar, TEXT, span(TEXT, 'We will').start);
    assert.ok(h);
    assert.match(h.markdown, /\*\*Quote\*\* \(direct\)/);
    assert.match(h.markdown, /Speaker: \*\*Ilse Brandt\*\* \(person\)/);
    assert.match(h.markdown, /1 other quote by this speaker/);
    assert.match(h.markdown, /Cue: “said”/);
    assert.match(h.markdown, /accepted, tagged by hand/);
    assert.deepEqual({ start: h.start, end: h.end }, span(TEXT, '"We will open 3 new parks by 2027."'));
  });

  it('shows the innermost annotation first (a figure inside a quote)', () => {
    const { sidecar } = buildSample();
    const h = hoverContent(sidecar, TEXT, span(TEXT, 'new parks').start);
    assert.ok(h);
    assert.ok(h.markdown.indexOf('**Figure**') < h.markdown.indexOf('**Quote**'));
    assert.match(h.markdown, /\*\*Figure\*\* \(count\) · suggested/);
    assert.match(h.markdown, /Value: 3 new parks/);
    assert.match(h.markdown, /Unit: parks/);
    assert.deepEqual({ start: h.start, end: h.end }, span(TEXT, '3 new parks'));
  });

  it('describes a speaker mention: name, kind, aliases, quote count', () => {
    const { sidecar, brandt } = buildSample();
    const withAlias = { ...sidecar, entities: sidecar.entities.map((e) => (e.id === brandt ? { ...e, aliases: ['Brandt', 'the mayor'] } : e)) };
    const h = hoverContent(withAlias, TEXT, span(TEXT, 'Ilse').start + 1);
    assert.ok(h);
    assert.match(h.markdown, /\*\*Ilse Brandt\*\* \(person\)/);
    assert.match(h.markdown, /Also: Brandt, the mayor/);
    assert.match(h.markdown, /2 quotes in this document/);
  });

  it('gives nothing off annotations, on rejected ones, or without a sidecar', () => {
    const { sidecar } = buildSample();
    assert.equal(hoverContent(sidecar, TEXT, span(TEXT, 'Critics').start), undefined);
    assert.equal(hoverContent(sidecar, TEXT, span(TEXT, 'plan costs').start), undefined);
    assert.equal(hoverContent(undefined, TEXT, 3), undefined);
  });

  it('escapes Markdown in document text', () => {
    assert.equal(escapeMarkdown('*bold* [x](y)'), '\\*bold\\* \\[x\\]\\(y\\)');
  });
});

describe('extension model: targets', () => {
  it('annotationsAt lists live annotations innermost first', () => {
    const { sidecar, ids } = buildSample();
    assert.deepEqual(annotationsAt(sidecar, span(TEXT, 'new parks').start).map((a) => a.id), [ids.figure, ids.q1]);
    assert.deepEqual(annotationsAt(sidecar, span(TEXT, 'new parks').start, ['quote']).map((a) => a.id), [ids.q1]);
  });

  it('targetAnnotations: cursor → innermost preferred one; selection → all overlapping', () => {
    const { sidecar, ids } = buildSample();
    const at = span(TEXT, 'new parks').start;
    assert.deepEqual(targetAnnotations(sidecar, at, at).map((a) => a.id), [ids.figure]);
    assert.deepEqual(targetAnnotations(sidecar, at, at, (a) => a.type === 'quote').map((a) => a.id), [ids.q1]);
    const sel = span(TEXT, 'Brandt said: "We will');
    assert.deepEqual(targetAnnotations(sidecar, sel.start, sel.end).map((a) => a.id).sort(), [ids.mention, ids.q1].sort());
    assert.deepEqual(targetAnnotations(sidecar, 0, 0), []);
  });

  it('neighbourAnnotation moves forward and back, wrapping, skipping rejected', () => {
    const { sidecar, ids } = buildSample();
    assert.equal(neighbourAnnotation(sidecar, 0, 1)?.id, ids.mention);
    assert.equal(neighbourAnnotation(sidecar, span(TEXT, 'Ilse').start, 1)?.id, ids.q1);
    assert.equal(neighbourAnnotation(sidecar, TEXT.length, 1)?.id, ids.mention, 'wraps to the first');
    assert.equal(neighbourAnnotation(sidecar, 0, -1)?.id, ids.money, 'wraps to the last');
    assert.equal(neighbourAnnotation({ ...sidecar, annotations: [] }, 0, 1), undefined);
  });
});

describe('extension model: UndoStack', () => {
  it('pushes, pops and is bounded', () => {
    const u = new UndoStack<number>(3);
    for (const n of [1, 2, 3, 4]) u.push(n);
    assert.equal(u.size, 3);
    assert.equal(u.peek(), 4);
    assert.deepStrictEqual(u.pop(), { value: 4, since: [] });
    assert.deepStrictEqual(u.pop(), { value: 3, since: [] });
    assert.deepStrictEqual(u.pop(), { value: 2, since: [] });
    assert.equal(u.pop(), undefined);
    u.push(5);
    u.clear();
    assert.equal(u.size, 0);
  });

  it('hands back each value with the events recorded since it was pushed, keeping no more', () => {
    const u = new UndoStack<string, number>(2);
    u.record(0); // nothing to undo yet: not kept
    u.push('a');
    u.record(1);
    u.push('b');
    u.record(2);
    u.record(3);
    u.push('c'); // drops 'a' (limit 2), and event 1 with it
    u.record(4);
    assert.deepStrictEqual(u.pop(), { value: 'c', since: [4] });
    u.record(5);
    assert.deepStrictEqual(u.pop(), { value: 'b', since: [2, 3, 4, 5] });
    assert.equal(u.pop(), undefined);
    u.record(6);
    u.push('d');
    u.record(7);
    assert.deepStrictEqual(u.pop(), { value: 'd', since: [7] });
    u.push('e');
    u.record(8);
    u.clear();
    u.push('f');
    assert.deepStrictEqual(u.pop(), { value: 'f', since: [] });
  });
});

describe('extension model: text helpers', () => {
  it('shorten collapses whitespace and adds an ellipsis', () => {
    assert.equal(shorten('a  b\n c'), 'a b c');
    const long = 'x'.repeat(100);
    assert.equal(shorten(long, 10).length, 10);
    assert.ok(shorten(long, 10).endsWith('…'));
  });
  it('plural and baseName', () => {
    assert.equal(plural(1, 'quote'), '1 quote');
    assert.equal(plural(2, 'quote'), '2 quotes');
    assert.equal(baseName('file:///a/b/c.txt'), 'c.txt');
    assert.equal(baseName('c.txt'), 'c.txt');
  });
});
