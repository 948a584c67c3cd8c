/** Hover on a quote, figure or speaker mention: Markdown from the pure `hoverContent`. */
import * as vscode from 'vscode';
import { LANGUAGES } from '../constants';
import { HOVER_COMMANDS, hoverContent } from '../model/hoverText';
import type { Services } from '../services';

export function registerHover({ config, store }: Services): vscode.Disposable {
  const selector = LANGUAGES.map((language) => ({ language }));
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      if (!config.isTarget(document)) return undefined;
      const content = hoverContent(store.get(document.uri), document.getText(), document.offsetAt(position));
      if (!content) return undefined;
      const md = new vscode.MarkdownString(content.markdown);
      md.supportThemeIcons = false;
      // Only QuoteLens commands may run from the hover's links; all article text in it is escaped.
      md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      return new vscode.Hover(md, new vscode.Range(document.positionAt(content.start), document.positionAt(content.end)));
    },
  });
}
