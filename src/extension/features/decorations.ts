/**
 * Highlights quotes, speakers and figures. Decoration types are created once (kind × status);
 * updates are debounced after typing and computed by the pure `decorationPlan`.
 */
import * as vscode from 'vscode';
import type { AnnotationType } from '../../sidecar/types';
import { DECORATION_KEYS, decorationPlanInSteps, type DecoratedStatus, type DecorationKey, type DecorationPlan, type SpeakerLabel } from '../model/decorationPlan';
import { LOOK_STYLES, lookColors } from '../model/looks';
import type { Services } from '../services';

export interface DecorationsFeature extends vscode.Disposable {
  /** The plan last applied to an editor showing `uri` (for tests); undefined if never applied. */
  appliedPlan(uri: vscode.Uri): DecorationPlan | undefined;
  /** Applies pending updates now (resolves once they are set). */
  flush(): Promise<void>;
}

const RULER_LANES: Record<AnnotationType, vscode.OverviewRulerLane> = {
  quote: vscode.OverviewRulerLane.Left,
  speaker: vscode.OverviewRulerLane.Center,
  figure: vscode.OverviewRulerLane.Right,
};

/** One decoration type per key, drawn as its look (see `model/looks.ts`). */
function createType(key: DecorationKey): vscode.TextEditorDecorationType {
  const [type, status] = key.split('.') as [AnnotationType, DecoratedStatus];
  const colors = lookColors(type, status);
  const style = LOOK_STYLES[status];
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(colors.background),
    borderStyle: style.borderStyle,
    borderWidth: style.borderWidth,
    borderColor: new vscode.ThemeColor(colors.border),
    borderRadius: '2px',
    // Only reviewed annotations mark the overview ruler, in their border (the stronger) colour.
    ...(status === 'suggested' ? {} : { overviewRulerColor: new vscode.ThemeColor(colors.border), overviewRulerLane: RULER_LANES[type] }),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

/**
 * The speakers after the quotes of `doc` within `range`, as inlay hints: unlike text attached to a
 * decoration, an inlay hint takes part in the editor's line layout, so wrapped lines make room for
 * it instead of pushing the line's end out of view.
 */
function speakerHints(doc: vscode.TextDocument, range: vscode.Range, labels: readonly SpeakerLabel[]): vscode.InlayHint[] {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const length = doc.getText().length;
  return labels
    .filter((l) => l.at >= from && l.at <= to && l.at <= length)
    .map((l) => {
      const hint = new vscode.InlayHint(doc.positionAt(l.at), l.label);
      hint.paddingLeft = true;
      hint.tooltip = 'Speaker of this quote (QuoteLens; hide with the setting quotelens.showSpeakerAfterQuote)';
      return hint;
    });
}

/**
 * A large document is decorated in parts so the extension host never stops for long: a 1 MB
 * article has some 35,000 ranges, which took 1–1.5 s in one go on a busy machine. Spans (or
 * labels) turned into editor ranges per step before the host gets a turn, and ranges per
 * `setDecorations` call (each call converts and sends its ranges in one step, so a kind with more
 * ranges is spread over several decoration types of the same look, made when first needed).
 */
const CONVERSIONS_PER_STEP = 1000;
const RANGES_PER_SET = 1000;
/** Annotations sorted into the plan per step (a few milliseconds' work). */
const PLANNED_PER_STEP = 5000;

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `convert` over `items` (those `fits`), yielding to the host every `CONVERSIONS_PER_STEP`
 * conversions counted in `counter`; undefined when `stillWanted` turns false at a yield.
 */
async function convertInSteps<T, R>(
  items: readonly T[],
  fits: (item: T) => boolean,
  convert: (item: T) => R,
  counter: { n: number },
  stillWanted: () => boolean,
): Promise<R[] | undefined> {
  const out: R[] = [];
  for (const item of items) {
    if (!fits(item)) continue;
    out.push(convert(item));
    if (++counter.n % CONVERSIONS_PER_STEP === 0) {
      await yieldToHost();
      if (!stillWanted()) return undefined;
    }
  }
  return out;
}

type Layer = DecorationKey;

export function registerDecorations({ config, store, log }: Services): DecorationsFeature {
  /** Per layer, its decoration types (all of one look), created as the largest document needs them. */
  const types = new Map<Layer, vscode.TextEditorDecorationType[]>();
  const typesFor = (layer: Layer, count: number): vscode.TextEditorDecorationType[] => {
    const pool = types.get(layer) ?? [];
    types.set(layer, pool);
    while (pool.length < count) pool.push(createType(layer));
    return pool;
  };
  const applied = new Map<string, DecorationPlan>();
  const hintsChanged = new vscode.EventEmitter<void>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The latest update started per editor: an older one still converting gives up. */
  const latest = new WeakMap<vscode.TextEditor, number>();
  /** Updates still converting ranges (`flush` waits for them). */
  const inFlight = new Set<Promise<void>>();
  let updates = 0;
  let disposed = false;

  /**
   * Sets the editor's decorations from the current annotations. Gives up (a newer update follows)
   * when the editor gets a newer update or its document changes while the ranges are converted.
   */
  const apply = async (editor: vscode.TextEditor): Promise<void> => {
    const doc = editor.document;
    const update = ++updates;
    latest.set(editor, update);
    const target = config.isTarget(doc);
    const version = doc.version;
    const stillWanted = (): boolean => !disposed && latest.get(editor) === update && doc.version === version && !doc.isClosed;
    const sidecar = target ? store.get(doc.uri) : undefined;
    const planning = decorationPlanInSteps(sidecar, config.decorationSettings(doc.uri), PLANNED_PER_STEP);
    let planned = planning.next();
    while (!planned.done) {
      await yieldToHost();
      if (!stillWanted()) return;
      planned = planning.next();
    }
    const plan = planned.value;
    const length = doc.getText().length;
    const counter = { n: 0 };
    const ranges = new Map<DecorationKey, vscode.Range[]>();
    for (const key of DECORATION_KEYS) {
      const converted = await convertInSteps(plan[key], (s) => s.end <= length, (s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)), counter, stillWanted);
      if (!converted) return;
      ranges.set(key, converted);
    }
    const layers: [Layer, readonly vscode.Range[]][] = DECORATION_KEYS.map((k): [Layer, vscode.Range[]] => [k, ranges.get(k)!]);
    // A small document is decorated in one go, as before; a large one a part at a time.
    const inParts = counter.n > RANGES_PER_SET;
    for (const [layer, all] of layers) {
      const pool = typesFor(layer, Math.max(1, Math.ceil(all.length / RANGES_PER_SET)));
      for (let i = 0; i < pool.length; i++) {
        const part = all.slice(i * RANGES_PER_SET, (i + 1) * RANGES_PER_SET);
        // A type left over from a larger document is cleared; only real work earns a yield.
        editor.setDecorations(pool[i], part);
        if (part.length === 0 || !inParts) continue;
        await yieldToHost();
        if (!stillWanted()) return;
      }
    }
    applied.set(doc.uri.toString(), plan);
    hintsChanged.fire();
    if (latest.get(editor) === update) latest.delete(editor);
  };

  const applyTo = (uri?: vscode.Uri): Promise<void> => {
    const key = uri?.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => key === undefined || e.document.uri.toString() === key);
    return Promise.all(editors.map(tracked)).then(() => undefined);
  };

  const tracked = (editor: vscode.TextEditor): Promise<void> => {
    const p = apply(editor);
    inFlight.add(p);
    return p.finally(() => inFlight.delete(p));
  };

  const report = (p: Promise<void>): void => {
    p.catch((err: unknown) => log.error('Decorating the editor failed', err));
  };

  const schedule = (uri: vscode.Uri): void => {
    const key = uri.toString();
    const t = pending.get(key);
    if (t !== undefined) clearTimeout(t);
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        report(applyTo(uri));
      }, config.debounceMs(uri)),
    );
  };

  const subscriptions: vscode.Disposable[] = [
    hintsChanged,
    vscode.languages.registerInlayHintsProvider(
      { pattern: '**' },
      {
        onDidChangeInlayHints: hintsChanged.event,
        provideInlayHints: (doc, range) => speakerHints(doc, range, applied.get(doc.uri.toString())?.speakerLabels ?? []),
      },
    ),
    store.onDidChange((uri) => schedule(uri)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => report(tracked(e)))),
    config.onDidChange(() => report(applyTo())),
  ];
  report(applyTo());

  return {
    appliedPlan: (uri) => applied.get(uri.toString()),
    flush: async () => {
      const applying: Promise<void>[] = [];
      for (const [key, t] of pending) {
        clearTimeout(t);
        pending.delete(key);
        applying.push(applyTo(vscode.Uri.parse(key)));
      }
      await Promise.all([...applying, ...inFlight]);
    },
    dispose: () => {
      disposed = true;
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
      for (const d of subscriptions) d.dispose();
      for (const pool of types.values()) for (const t of pool) t.dispose();
    },
  };
}
