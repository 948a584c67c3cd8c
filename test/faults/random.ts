/** A small seeded generator (xorshift32) for the writer fault tests, so a failing run names a seed. */
export function seeded(seed: number): () => number {
  let x = (seed | 0) || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}
