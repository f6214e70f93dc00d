import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createAdminClient } from '../../src/admin/index.js';
import { startWorker, worker } from '../../test/support/msw.js';
import '../integration-list/define.js';
import '../integration-details/define.js';
import './locales/de.js';
import { en } from './locales/en.js';
import { errorCodeOf, GrantkitElement } from './grantkit-element.js';
import { IntegrationList } from '../integration-list/integration-list.js';
import { RotateSecretDialog } from '../rotate-secret-dialog/rotate-secret-dialog.js';
import { registerTranslation } from './localize.js';

const BASE = 'https://id.example.test/admin/v1';

describe('every element (the shared GrantkitElement)', () => {
  before(async () => {
    await startWorker();
    worker.resetHandlers(
      http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'ada', roles: ['admin'], permissions: ['integrations:read', 'integrations:write'], auth: 'access_token' })),
      http.get(`${BASE}/integrations`, () => HttpResponse.json({ items: [], next_cursor: null })),
    );
  });

  it('follows a change of lang at run time, on the element or any ancestor', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><section><integration-list .admin=${createAdminClient({ baseUrl: BASE })}></integration-list></section></div>`);
    const list = wrapper.querySelector('integration-list')!;
    const search = () => list.shadowRoot!.querySelector('[part=search]')!.getAttribute('aria-label');
    await waitUntil(() => list.shadowRoot!.querySelector('[part=empty]') !== null);
    expect(search()).to.equal('Search integrations');
    wrapper.lang = 'de';
    await waitUntil(() => search() === 'Integrationen durchsuchen', 'German without a reload');
    expect(list.shadowRoot!.querySelector('[part=empty]')!.textContent!.trim()).to.equal('Es gibt noch keine Integrationen.');
    wrapper.querySelector('section')!.setAttribute('lang', 'en-GB');
    await waitUntil(() => search() === 'Search integrations', 'the nearest lang wins, and en-GB falls back to en');
  });

  it('speaks, inside another element, the language of that element (lang is looked up out of shadow roots)', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"><integration-details></integration-details></div>`);
    const details = wrapper.querySelector('integration-details')!;
    await details.updateComplete;
    // The placeholder is the details' own; a dialog inside it would speak as it does.
    expect(details.shadowRoot!.querySelector('.placeholder-title')!.textContent).to.equal('Keine Integration ausgewählt');
    const inner = document.createElement('integration-list');
    details.shadowRoot!.append(inner);
    await inner.updateComplete;
    expect(inner.shadowRoot!.querySelector('[part=search]')!.getAttribute('aria-label')).to.equal('Integrationen durchsuchen');
    inner.remove();
  });

  it('renders again when a translation is registered after it rendered', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="x-pirate"><integration-list .admin=${createAdminClient({ baseUrl: BASE })}></integration-list></div>`);
    const list = wrapper.querySelector('integration-list')!;
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('[part=search]')!.getAttribute('aria-label'), 'English until there is a table').to.equal('Search integrations');
    registerTranslation('x-pirate', { ...en, list: { ...en.list, search: 'Search yer integrations' } });
    await waitUntil(() => list.shadowRoot!.querySelector('[part=search]')!.getAttribute('aria-label') === 'Search yer integrations');
  });

  it('registers <integration-details> with the dialog it renders, through define(), not an import side effect', () => {
    // Only integration-details/define.js is imported here (and integration-list's): the dialog's own define.js is not.
    expect(customElements.get('integration-details')).to.not.equal(undefined);
    expect(customElements.get('rotate-secret-dialog')).to.equal(RotateSecretDialog);
  });

  it('warns when its tag is taken by another class (grantkit loaded twice), and leaves the page\'s element alone', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      // A second copy of the element's class, as a second bundle of grantkit would bring.
      class SecondCopy extends GrantkitElement {}
      SecondCopy.define('integration-list');
      expect(customElements.get('integration-list')).to.equal(IntegrationList);
      expect(String(warnings[0]?.[0])).to.include('<integration-list> is already defined by another class');
      // The same class again (an element's entry imported twice) is fine, and says nothing.
      IntegrationList.define('integration-list');
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('reports only codes the message tables know; anything else is unknown', () => {
    expect(errorCodeOf({ code: 'scope_in_use' })).to.equal('scope_in_use');
    expect(errorCodeOf({ code: 'dpop_unsupported' })).to.equal('dpop_unsupported');
    expect(errorCodeOf({ code: '<img src=x>' })).to.equal('unknown');
    expect(errorCodeOf({ code: 'toString' }), 'not a key of Object.prototype either').to.equal('unknown');
    expect(errorCodeOf(new Error('boom'))).to.equal('unknown');
    expect(errorCodeOf(null)).to.equal('unknown');
  });
});
