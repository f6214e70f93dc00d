import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ViewState } from './view-state.js';

type View = { busy: boolean; error: string | undefined; name: string };

class ViewHost extends LitElement {
  readonly ui = new ViewState<View>(this, { busy: true, error: undefined, name: 'ada' });
  renders = 0;
  protected override render() {
    this.renders++;
    const { busy, error, name } = this.ui.value;
    return html`<p>${name}: ${busy ? 'busy' : 'idle'} ${error ?? ''}</p>`;
  }
}
customElements.define('view-state-host', ViewHost);

describe('ViewState', () => {
  it('merges a change into a new value, keeps the rest, and shows it in one render', async () => {
    const el = await fixture<ViewHost>(html`<view-state-host></view-state-host>`);
    const before = el.ui.value;
    const rendersBefore = el.renders;
    el.ui.set({ busy: false, error: 'refused' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('ada: idle refused');
    expect(el.renders - rendersBefore, 'two changes, one render').to.equal(1);
    expect(before, 'the old value is left as it was').to.deep.equal({ busy: true, error: undefined, name: 'ada' });
    expect(el.ui.value).to.not.equal(before);
  });
});
