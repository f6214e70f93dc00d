import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DoneNotice } from './done-notice.js';

class NoticeHost extends LitElement {
  readonly notice = new DoneNotice(this);
  protected override render() {
    return this.notice.render();
  }
}
customElements.define('done-notice-host', NoticeHost);

describe('DoneNotice', () => {
  it('is a status region from the start, and says the same thing twice as two announcements', async () => {
    const el = await fixture<NoticeHost>(html`<done-notice-host></done-notice-host>`);
    const region = () => el.shadowRoot!.querySelector('[part=notice]')!;
    expect(region().getAttribute('role'), 'in the DOM before any message, so the first one is announced').to.equal('status');
    expect(region().textContent).to.equal('');

    el.notice.say('The tokens of ada were revoked.');
    await waitUntil(() => region().textContent === 'The tokens of ada were revoked.');
    // The same words again: screen readers announce a change of text, so the region empties first.
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(region().textContent ?? ''));
    observer.observe(region(), { childList: true, characterData: true, subtree: true });
    el.notice.say('The tokens of ada were revoked.');
    await waitUntil(() => seen.includes('') && region().textContent === 'The tokens of ada were revoked.', 'emptied, then said again');
    observer.disconnect();

    el.notice.clear();
    await el.updateComplete;
    expect(region().textContent).to.equal('');
  });
});
