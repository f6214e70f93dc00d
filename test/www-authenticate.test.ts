import { expect } from '@open-wc/testing';
import { parseWwwAuthenticate } from '../src/www-authenticate.js';

describe('WWW-Authenticate parsing', () => {
  it('reads the RFC 6750 examples', () => {
    expect(parseWwwAuthenticate('Bearer realm="example", error="invalid_token", error_description="The access token expired"')).to.deep.equal([
      { scheme: 'bearer', params: { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' } },
    ]);
  });

  it('reads several challenges, token68 and quoted escapes', () => {
    expect(parseWwwAuthenticate('Basic YWxhZGRpbjpvcGVuc2VzYW1l==, DPoP algs="ES256 PS256", Bearer error=invalid_token, scope="a \\"b\\""')).to.deep.equal([
      { scheme: 'basic', params: {} },
      { scheme: 'dpop', params: { algs: 'ES256 PS256' } },
      { scheme: 'bearer', params: { error: 'invalid_token', scope: 'a "b"' } },
    ]);
  });

  it('survives garbage without throwing', () => {
    for (const header of ['', '=', '"""', 'Bearer error="unterminated', ',,,,', 'Bearer ===', '\u0000\u2028 Bearer']) {
      expect(() => parseWwwAuthenticate(header)).not.to.throw();
    }
    expect(parseWwwAuthenticate(null)).to.deep.equal([]);
  });

  it('reads a parameter named __proto__ or constructor as a parameter (found by the fuzz test)', () => {
    const [challenge] = parseWwwAuthenticate('Bearer __proto__="", constructor=x, error="invalid_token"');
    expect(challenge!.params.__proto__).to.equal('');
    expect(challenge!.params.constructor).to.equal('x');
    expect(challenge!.params.error).to.equal('invalid_token');
    expect(Object.keys(challenge!.params)).to.deep.equal(['__proto__', 'constructor', 'error']);
  });
});
