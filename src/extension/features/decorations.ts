/**
 * Highlights quotes, speakers and figures. Decoration types are created once (kind × status);
 * updates are debounced after typing and computed by the pure `decorationPlan`.
 */
import * as vscode from 'vscode';
import { COLORS } from '../constants';
import { DECORATION_KEYS, decorationPlan, type DecorationKey, type DecorationPlan, type SpeakerLabel } from '../model/decorationPlan';
import type { Services } from '../services';

export interface DecorationsFeature extends vscode.Disposable {
  /** The plan last applied to an editor showing `uri` (for tests); undefined if never applied. */
  appliedPlan(uri: vscode.Uri): DecorationPlan | undefined;
  /** Applies pending updates now. */
  flush(): void;
}

const TYPE_COLORS: Record<string, { bg: string; suggestedBg: string; suggestedBorder: string; ruler: vscode.OverviewRulerLane }> = {
  quote: { bg: COLORS.quoteBackground, suggestedBg: COLORS.quoteSuggestedBackground, suggestedBorder: COLORS.quoteSuggestedBorder, ruler: vscode.OverviewRulerLane.Left },
  speaker: { bg: COLORS.speakerBackground, suggestedBg: COLORS.speakerSuggestedBackground, suggestedBorder: COLORS.speakerSuggestedBorder, ruler: vscode.OverviewRulerLane.Center },
  figure: { bg: COLORS.figureBackground, suggestedBg: COLORS.figureSuggestedBackground, suggestedBorder: COLORS.figureSuggestedBorder, ruler: vscode.OverviewRulerLane.Right },
};

function createType(key: DecorationKey): vscode.TextEditorDecorationType {
  const [type, status] = key.split('.');
  const c = TYPE_COLORS[type];
  if (status === 'accepted') {
    return vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor(c.bg),
      borderRadius: '2px',
      overviewRulerColor: new vscode.ThemeColor(c.bg),
      overviewRulerLane: c.ruler,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  }
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(c.suggestedBg),
    border: '1px dashed',
    borderColor: new vscode.ThemeColor(c.suggestedBorder),
    borderRadius: '2px',
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
