import { expect } from '@open-wc/testing';
import { retryAt } from '../src/retry-after.js';

const busy = (value: string, status = 503) => new Response(null, { status, headers: { 'Retry-After': value } });

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');

  it('reads seconds and HTTP dates on 429 and 503', () => {
    expect(retryAt(busy('120'), now)! - now).to.equal(120_000);
    expect(retryAt(busy('Mon, 23 Nov 2026 12:00:30 GMT', 429), now)! - now).to.equal(30_000);
  });

  it('never waits less than nothing nor more than an hour', () => {
    expect(retryAt(busy('Mon, 23 Nov 2026 11:00:00 GMT'), now)! - now).to.equal(0);
    expect(retryAt(busy('999999999'), now)! - now).to.equal(3_600_000);
  });

  it('ignores it on other statuses, and when it is garbage', () => {
    expect(retryAt(busy('120', 500), now)).to.equal(undefined);
    expect(retryAt(busy('soon'), now)).to.equal(undefined);
    expect(retryAt(busy('-5'), now)).to.equal(undefined);
    expect(retryAt(new Response(null, { status: 503 }), now)).to.equal(undefined);
  });
});
