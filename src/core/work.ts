/**
 * A count of the steps taken by the analysis scans whose reach is bounded (the scans for a cue or
 * a subject around each quote, the candidate walks, the overlap checks of figures, the quote-mark
 * pairing). It is read by the scaling test, which checks that the count grows at most linearly
 * with the text whatever the input; the analysis itself never reads it.
 */
export const work = { steps: 0 };
