/**
 * The heights of a list's rows, measured or estimated, with the offset of any row and the row
 * at any offset in O(log n): two Fenwick trees, one summing the measured heights and one
 * counting the measured rows. A row not yet measured counts as `estimate`, so the offset of
 * row i is `measured sum before i + (i − measured count before i) × estimate`.
 * The same sum is kept per tree node, which lets `indexAt` descend the tree instead of
 * searching it.
 */
export class RowHeights {
  #count = 0;
  /** Capacity of the trees: a power of two, so the descent can start at its top node. */
  #size = 0;
  /** Measured heights by row index; 0 = not measured (a row of height 0 is not measured). */
  #heights = new Float64Array(0);
  /** Fenwick tree (1-based) over the measured heights. */
  #sums = new Float64Array(1);
  /** Fenwick tree (1-based) over "this row was measured" (1 or 0). */
  #measured = new Int32Array(1);
  #measuredSum = 0;
  #measuredCount = 0;
  /**
   * The height a row not yet measured is taken to have. Changing it moves every row below an
   * unmeasured one, so a list sets it once, from its first rows measured, and keeps it.
   */
  estimate: number;

  constructor(readonly firstGuess: number) {
    this.estimate = firstGuess;
  }

  get count(): number {
    return this.#count;
  }

  /** The average height of the rows measured (the first guess before any was). */
  get measuredAverage(): number {
    return this.#measuredCount ? this.#measuredSum / this.#measuredCount : this.firstGuess;
  }

  /** The sum of all rows' heights: the list's scrollable height. */
  get total(): number {
    return this.offset(this.#count);
  }

  /** Forgets every measurement and the estimate: another list with `count` rows. */
  reset(count: number): void {
    this.estimate = this.firstGuess;
    this.#heights = new Float64Array(0);
    this.#size = 0;
    this.#measuredSum = 0;
    this.#measuredCount = 0;
    this.#count = 0;
    this.resize(count);
  }

  /** More rows (a page appended) keep what was measured; fewer start afresh. */
  resize(count: number): void {
    if (count < this.#count) return this.reset(count);
    this.#count = count;
    if (count <= this.#size) return;
    let size = Math.max(1, this.#size);
    while (size < count) size *= 2;
    const heights = new Float64Array(size);
    heights.set(this.#heights);
    this.#heights = heights;
    this.#size = size;
    // Linear-time build: each node passes its sum on to its parent.
    this.#sums = new Float64Array(size + 1);
    this.#measured = new Int32Array(size + 1);
    for (let i = 1; i <= size; i++) {
      const height = heights[i - 1]!;
      this.#sums[i]! += height;
      this.#measured[i]! += height > 0 ? 1 : 0;
      const parent = i + (i & -i);
      if (parent <= size) {
        this.#sums[parent]! += this.#sums[i]!;
        this.#measured[parent]! += this.#measured[i]!;
      }
    }
  }

  /** Records a row's measured height; true when it differs from what was known. */
  set(index: number, height: number): boolean {
    if (index < 0 || index >= this.#count || height <= 0) return false;
    const known = this.#heights[index]!;
    if (known === height) return false;
    const wasMeasured = known > 0 ? 1 : 0;
    this.#heights[index] = height;
    this.#measuredSum += height - known;
    this.#measuredCount += 1 - wasMeasured;
    for (let i = index + 1; i <= this.#size; i += i & -i) {
      this.#sums[i]! += height - known;
      this.#measured[i]! += 1 - wasMeasured;
    }
    return true;
  }

  /** The offset of row `index` from the top: the sum of the heights of the rows above it. */
  offset(index: number): number {
    const end = Math.min(Math.max(index, 0), this.#count);
    let sum = 0;
    let measured = 0;
    for (let i = end; i > 0; i -= i & -i) {
      sum += this.#sums[i]!;
      measured += this.#measured[i]!;
    }
    return sum + (end - measured) * this.estimate;
  }

  /** The row that covers offset `y` (0 above the list, the last row below it). */
  indexAt(y: number): number {
    if (this.#count === 0) return 0;
    const estimate = this.estimate;
    let index = 0;
    let above = 0;
    for (let step = this.#size; step > 0; step >>= 1) {
      const next = index + step;
      if (next > this.#count) continue;
      // Node `next` covers exactly the `step` rows after `index`.
      const span = this.#sums[next]! + (step - this.#measured[next]!) * estimate;
      if (above + span <= y) {
        index = next;
        above += span;
      }
    }
    return Math.min(index, this.#count - 1);
  }
}
