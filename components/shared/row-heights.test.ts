import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { RowHeights } from './row-heights.js';

/** The obvious O(n) model RowHeights must agree with. */
class Model {
  heights: (number | undefined)[] = [];
  estimate: number;
  constructor(readonly firstGuess: number) {
    this.estimate = firstGuess;
  }
  get measuredAverage() {
    const known = this.heights.filter((h): h is number => h !== undefined);
    return known.length ? known.reduce((a, b) => a + b, 0) / known.length : this.firstGuess;
  }
  offset(index: number) {
    let sum = 0;
    for (let i = 0; i < index; i++) sum += this.heights[i] ?? this.estimate;
    return sum;
  }
  indexAt(y: number) {
    let i = 0;
    while (i < this.heights.length - 1 && this.offset(i + 1) <= y) i++;
    return i;
  }
}

const operation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), index: fc.nat(300), height: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('grow' as const), by: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('reset' as const), count: fc.nat(200) }),
  fc.record({ kind: fc.constant('estimate' as const), height: fc.integer({ min: 1, max: 400 }) }),
);

describe('RowHeights', () => {
  it('agrees with summing every row, through measurements, appended pages and new lists', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.array(operation, { maxLength: 40 }), fc.array(fc.double({ min: -50, max: 40_000, noNaN: true }), { maxLength: 10 }), (count, operations, probes) => {
        const heights = new RowHeights(60);
        const model = new Model(60);
        heights.reset(count);
        model.heights = Array.from({ length: count }, () => undefined);
        for (const op of operations) {
          if (op.kind === 'set') {
            heights.set(op.index, op.height);
            if (op.index < model.heights.length) model.heights[op.index] = op.height;
          } else if (op.kind === 'grow') {
            heights.resize(model.heights.length + op.by);
            model.heights.push(...Array.from({ length: op.by }, () => undefined));
          } else if (op.kind === 'reset') {
            heights.reset(op.count);
            model.heights = Array.from({ length: op.count }, () => undefined);
            model.estimate = model.firstGuess;
          } else {
            heights.estimate = op.height;
            model.estimate = op.height;
          }
        }
        const n = model.heights.length;
        expect(heights.count).to.equal(n);
        for (const i of [0, 1, Math.floor(n / 2), n - 1, n]) if (i >= 0 && i <= n) expect(heights.offset(i)).to.be.closeTo(model.offset(i), 1e-6);
        expect(heights.total).to.be.closeTo(model.offset(n), 1e-6);
        expect(heights.measuredAverage).to.be.closeTo(model.measuredAverage, 1e-6);
        if (n > 0) {
          for (const y of probes) expect(heights.indexAt(y), `row at ${y}`).to.equal(model.indexAt(y));
          // The row at each row's own top is that row.
          for (const i of [0, Math.floor(n / 3), n - 1]) expect(heights.indexAt(model.offset(i) + 1e-9)).to.equal(i);
        }
      }),
      { numRuns: 300 },
    );
  });
});
