/**
 * Highlights quotes, speakers and figures. Decoration types are created once (kind × status);
 * updates are debounced after typing and computed by the pure `decorationPlan`.
 */
import * as vscode from 'vscode';
import type { AnnotationType } from '../../sidecar/types';
import { DECORATION_KEYS, decorationPlan, type DecoratedStatus, type DecorationKey, type DecorationPlan, type SpeakerLabel } from '../model/decorationPlan';
import { LOOK_STYLES, lookColors } from '../model/looks';
import type { Services } from '../services';

export interface DecorationsFeature extends vscode.Disposable {
  /** The plan last applied to an editor showing `uri` (for tests); undefined if never applied. */
  appliedPlan(uri: vscode.Uri): DecorationPlan | undefined;
  /** Applies pending updates now. */
  flush(): void;
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

/** The speaker after a quote: dim italic text; each range brings its own `contentText`. */
function createSpeakerLabelType(): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 0.4em' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

function speakerLabelOptions(doc: vscode.TextDocument, labels: readonly SpeakerLabel[]): vscode.DecorationOptions[] {
  const length = doc.getText().length;
  return labels
    .filter((l) => l.at <= length)
    .map((l) => {
      const at = doc.positionAt(l.at);
      return { range: new vscode.Range(at, at), renderOptions: { after: { contentText: l.label } } };
    });
}

export function registerDecorations({ config, store }: Services): DecorationsFeature {
  const types = new Map<DecorationKey, vscode.TextEditorDecorationType>(DECORATION_KEYS.map((k) => [k, createType(k)]));
  const speakerLabelType = createSpeakerLabelType();
  const applied = new Map<string, DecorationPlan>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const apply = (editor: vscode.TextEditor): void => {
    const doc = editor.document;
    const target = config.isTarget(doc);
    const plan = decorationPlan(target ? store.get(doc.uri) : undefined, config.decorationSettings(doc.uri));
    const length = doc.getText().length;
    for (const key of DECORATION_KEYS) {
      const ranges = plan[key]
        .filter((s) => s.end <= length)
        .map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
      editor.setDecorations(types.get(key)!, ranges);
    }
    editor.setDecorations(speakerLabelType, speakerLabelOptions(doc, plan.speakerLabels));
    applied.set(doc.uri.toString(), plan);
  };

  const applyTo = (uri?: vscode.Uri): void => {
    const key = uri?.toString();
    for (const editor of vscode.window.visibleTextEditors) {
      if (key === undefined || editor.document.uri.toString() === key) apply(editor);
    }
  };

  const schedule = (uri: vscode.Uri): void => {
    const key = uri.toString();
    const t = pending.get(key);
    if (t !== undefined) clearTimeout(t);
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        applyTo(uri);
      }, config.debounceMs(uri)),
    );
  };

  const subscriptions: vscode.Disposable[] = [
    store.onDidChange((uri) => schedule(uri)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(apply)),
    config.onDidChange(() => applyTo()),
  ];
  applyTo();

  return {
    appliedPlan: (uri) => applied.get(uri.toString()),
    flush: () => {
      for (const [key, t] of pending) {
        clearTimeout(t);
        pending.delete(key);
        applyTo(vscode.Uri.parse(key));
      }
    },
    dispose: () => {
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
      for (const d of subscriptions) d.dispose();
      for (const t of types.values()) t.dispose();
      speakerLabelType.dispose();
    },
  };
}
