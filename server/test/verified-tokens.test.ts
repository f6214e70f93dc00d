import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VerifiedTokens } from '../../src/server/verified-tokens.js';

describe('verified access tokens kept in memory', () => {
  it('are kept until their exp and not a second longer', () => {
    const kept = new VerifiedTokens();
    kept.add('t1', { sub: 'ada', exp: 1_000 });
    assert.equal(kept.get('t1', 999)?.sub, 'ada');
    assert.equal(kept.get('t1', 1_000), undefined, 'at exp the token is expired (and verified again, which says so)');
    assert.equal(kept.get('t1', 999), undefined, 'and forgotten');
  });

  it('keep nothing without an exp, and nothing but the exact token', () => {
    const kept = new VerifiedTokens();
    kept.add('t1', { sub: 'ada' });
    assert.equal(kept.get('t1', 0), undefined);
    kept.add('t2', { sub: 'ada', exp: 10 });
    assert.equal(kept.get('t2 ', 0), undefined);
    assert.equal(kept.get('T2', 0), undefined);
  });

  it('hold at most 10,000 tokens, dropping the oldest', () => {
    const kept = new VerifiedTokens();
    for (let i = 0; i <= 10_000; i++) kept.add(`t${i}`, { sub: String(i), exp: 100 });
    assert.equal(kept.get('t0', 0), undefined, 'the first one made room');
    assert.equal(kept.get('t1', 0)?.sub, '1');
    assert.equal(kept.get('t10000', 0)?.sub, '10000');
  });
});
