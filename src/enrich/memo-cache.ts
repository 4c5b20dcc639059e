/**
 * A bounded memo for pure per-value work (address facts, registered domains): most events repeat a few destinations,
 * so the answer is computed once per distinct value. When full it starts over, which only costs recomputation,
 * never a different answer.
 */
export class MemoCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly compute: (key: string) => V,
    private readonly capacity = 20_000,
  ) {}

  get(key: string): V {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) return hit as V;
    const value = this.compute(key);
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
