// The admin portal once more, as a Vue app: the grantkit elements used directly, with
// Vue's render functions (no template compiler, so the page keeps its strict CSP). Vue
// sets element properties for what the elements define, and `onGrantkitIntegrationSelect`
// listens to the `grantkit-integration-select` event.
import { createApp, defineComponent, h, ref } from 'vue';
import '../components/index.js';
import type { GrantkitClient } from '../src/index.js';

const Portal = defineComponent({
  setup() {
    const ready = ref(false);
    const signedIn = ref(false);
    const selected = ref('');
    const list = ref<HTMLElementTagNameMap['integration-list']>();

    const follow = (sdk: GrantkitClient) => {
      ready.value = true;
      signedIn.value = sdk.isAuthenticated;
      sdk.addEventListener('statechange', () => (signedIn.value = sdk.isAuthenticated));
    };
    const reload = () => void list.value?.reload();

    const portal = () => [
      h('div', { class: 'column' }, [
        h('section', { class: 'card', 'aria-labelledby': 'integrations-title' }, [
          h('div', { class: 'heading' }, [h('h1', { id: 'integrations-title' }, 'Integrations')]),
          h('integration-list', {
            ref: list,
            selected: selected.value,
            onGrantkitIntegrationSelect: (e: CustomEvent<{ clientId: string }>) => (selected.value = e.detail.clientId),
          }),
        ]),
      ]),
      selected.value
        ? h('div', { class: 'column' }, [
            h('section', { class: 'card', 'aria-label': 'Integration details' }, [
              h('integration-details', {
                clientId: selected.value,
                onGrantkitIntegrationUpdated: reload,
                onGrantkitIntegrationStatusChanged: reload,
                onGrantkitIntegrationDeleted: () => {
                  selected.value = '';
                  reload();
                },
              }),
            ]),
            h('section', { class: 'card', 'aria-labelledby': 'tokens-title' }, [
              h('h2', { id: 'tokens-title' }, 'Issued tokens'),
              h('token-list', { clientId: selected.value }),
            ]),
          ])
        : null,
    ];

    return () =>
      h(
        'grantkit-provider',
        {
          issuer: location.origin,
          clientId: 'grantkit-demo-dpop',
          dpop: 'required',
          scope: 'openid profile email roles grantkit:admin',
          resource: `${location.origin}/admin/v1`,
          adminBaseUrl: '/admin/v1',
          onGrantkitReady: (e: CustomEvent<{ sdk: GrantkitClient }>) => follow(e.detail.sdk),
        },
        [
          h('header', [
            h('span', { class: 'brand' }, 'grantkit'),
            h('nav', { 'aria-label': 'Demo pages' }, [
              h('a', { href: '/' }, 'App'), ' ', h('a', { href: '/admin' }, 'Admin portal'), ' ', h('a', { href: '/react' }, 'React'), ' ',
              h('a', { href: '/vue', 'aria-current': 'page' }, 'Vue'),
            ]),
            h('oauth-login', { endSession: true }),
          ]),
          h('main', { class: 'portal' }, [
            ready.value && !signedIn.value
              ? h('p', { class: 'card', id: 'signed-out-note' }, [
                  'This page is a Vue app that uses the grantkit elements directly. Sign in as Ada (',
                  h('code', 'ada@example.com'), ' / ', h('code', 'ada-demo'), ') or Vic (', h('code', 'vic@example.com'), ' / ', h('code', 'vic-demo'), ').',
                ])
              : null,
            ...(signedIn.value ? portal() : []),
          ]),
        ],
      );
  },
});

createApp(Portal).mount('#app');
