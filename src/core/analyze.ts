import type { Analysis, AnalyzeOptions } from './types';

/** Finds quotes, speakers, entities and figures in a plain-text article. (Being written.) */
export function analyze(_text: string, _options: AnalyzeOptions = {}): Analysis {
  return { entities: [], quotes: [], mentions: [], figures: [] };
}
