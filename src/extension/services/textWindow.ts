/**
 * The editor buffer as the typing model reads it (`TextWindow` of `sidecar/typing.ts`): its length
 * and a range of it, without joining the whole document into one string per keystroke.
 */
import * as vscode from 'vscode';
import type { TextWindow } from '../../sidecar';

export function bufferWindow(document: vscode.TextDocument): TextWindow {
  const lastLine = document.lineAt(document.lineCount - 1);
  return {
    length: document.offsetAt(lastLine.range.end),
    slice(start: number, end: number): string {
      // Whole lines, then cut: a position cannot point between the \r and \n of a line break, so
      // an offset there would lose the \r if it were turned into a position.
      const first = document.positionAt(start).line;
      const last = document.positionAt(end).line;
      const lineStart = document.offsetAt(new vscode.Position(first, 0));
      const lines = document.getText(new vscode.Range(first, 0, last + 1, 0));
      return lines.slice(start - lineStart, end - lineStart);
    },
  };
}
