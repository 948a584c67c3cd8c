/**
 * The three looks of a highlight, told apart by shape as well as colour so that they read in every
 * theme (and for colour-blind readers): a suggestion has a dashed outline and a faint fill, an
 * accepted suggestion a solid underline and a tinted fill, a hand-tagged annotation a solid outline
 * with a thicker left bar. `features/decorations.ts` turns a look into decoration options.
 */
import { COLORS } from '../constants';
import type { AnnotationType } from '../../sidecar/types';
import type { DecoratedStatus } from './decorationPlan';

/** CSS border of a look; the colour comes from the look's border theme colour. */
export interface LookStyle {
  borderStyle: 'dashed' | 'solid';
  /** CSS `border-width`: top right bottom left. */
  borderWidth: string;
}

export const LOOK_STYLES: Readonly<Record<DecoratedStatus, LookStyle>> = {
  suggested: { borderStyle: 'dashed', borderWidth: '1px' },
  accepted: { borderStyle: 'solid', borderWidth: '0 0 2px 0' },
  manual: { borderStyle: 'solid', borderWidth: '1px 1px 1px 3px' },
};

/** Theme colour ids of one look. */
export interface LookColors {
  background: string;
  border: string;
}

const COLOR_IDS: Readonly<Record<AnnotationType, Readonly<Record<DecoratedStatus, LookColors>>>> = {
  quote: {
    suggested: { background: COLORS.quoteSuggestedBackground, border: COLORS.quoteSuggestedBorder },
    accepted: { background: COLORS.quoteBackground, border: COLORS.quoteAcceptedBorder },
    manual: { background: COLORS.quoteManualBackground, border: COLORS.quoteManualBorder },
  },
  speaker: {
    suggested: { background: COLORS.speakerSuggestedBackground, border: COLORS.speakerSuggestedBorder },
    accepted: { background: COLORS.speakerBackground, border: COLORS.speakerAcceptedBorder },
    manual: { background: COLORS.speakerManualBackground, border: COLORS.speakerManualBorder },
  },
  figure: {
    suggested: { background: COLORS.figureSuggestedBackground, border: COLORS.figureSuggestedBorder },
    accepted: { background: COLORS.figureBackground, border: COLORS.figureAcceptedBorder },
    manual: { background: COLORS.figureManualBackground, border: COLORS.figureManualBorder },
  },
};

export function lookColors(type: AnnotationType, status: DecoratedStatus): LookColors {
  return COLOR_IDS[type][status];
}
