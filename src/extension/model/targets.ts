/** Which annotations a cursor or selection command acts on. */
import { compareAnnotations } from '../../sidecar/serialize';
import type { Annotation, AnnotationType, Sidecar } from '../../sidecar/types';

/** Live annotations (not orphaned) containing `offset`, innermost (shortest) first, then in file order. */
export function annotationsAt(sidecar: Sidecar, offset: number, types?: readonly AnnotationType[]): Annotation[] {
  return sidecar.annotations
    .filter((a) => !a.orphaned && a.start <= offset && offset <= a.end && (!types || types.includes(a.type)))
    .sort((x, y) => x.end - x.start - (y.end - y.start) || compareAnnotations(x, y));
}

/**
 * Annotations a command applies to: with an empty selection, the innermost one under the cursor
 * (preferring those `prefer` accepts); with a selection, every live annotation overlapping it.
 */
export function targetAnnotations(
  sidecar: Sidecar,
  start: number,
  end: number,
  prefer: (a: Annotation) => boolean = () => true,
): Annotation[] {
  if (start === end) {
    const here = annotationsAt(sidecar, start);
    const best = here.find(prefer) ?? here[0];
    return best ? [best] : [];
  }
  return sidecar.annotations
    .filter((a) => !a.orphaned && a.start < end && a.end > start)
    .sort((x, y) => x.start - y.start);
}

/**
 * Next (direction 1) or previous (-1) live annotation start from `offset`, wrapping, in file order
 * (start, end, type, id: the same whatever order the annotations are in). Only those
 * `include` accepts count (by default: every one not rejected); orphaned ones never do.
 */
export function neighbourAnnotation(
  sidecar: Sidecar,
  offset: number,
  direction: 1 | -1,
  include: (a: Annotation) => boolean = (a) => a.status !== 'rejected',
): Annotation | undefined {
  const live = sidecar.annotations
    .filter((a) => !a.orphaned && include(a))
    .sort(compareAnnotations);
  if (live.length === 0) return undefined;
  if (direction === 1) return live.find((a) => a.start > offset) ?? live[0];
  for (let i = live.length - 1; i >= 0; i--) if (live[i].start < offset) return live[i];
  return live[live.length - 1];
}

/**
 * Where navigation starts from a selection: forward from just inside its end (so an annotation that
 * is selected is left, but one starting where the selection ends is not skipped), back from its start.
 */
export function navigationOrigin(selStart: number, selEnd: number, direction: 1 | -1): number {
  return direction === 1 ? Math.max(selEnd - 1, selStart) : selStart;
}
