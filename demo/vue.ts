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
    const create = ref<HTMLElementTagNameMap['create-integration-dialog']>();
    const provider = ref<HTMLElementTagNameMap['grantkit-provider']>();
    const canCreate = ref(false);

    const follow = (sdk: GrantkitClient) => {
      ready.value = true;
      const update = () => {
        signedIn.value = sdk.isAuthenticated;
        // The provider's /me, which its elements use too: no second request.
        void provider.value?.me?.then((me) => (canCreate.value = me.permissions.includes('integrations:write')), () => (canCreate.value = false));
      };
      update();
      sdk.addEventListener('statechange', update);
    };
    const reload = () => void list.value?.reload();

    const portal = () => [
      h('div', { class: 'column' }, [
        h('section', { class: 'card', 'aria-labelledby': 'integrations-title' }, [
          h('div', { class: 'heading' }, [
            h('h1', { id: 'integrations-title' }, 'Integrations'),
            h('button', { class: 'primary', disabled: !canCreate.value, onClick: () => void create.value?.show() }, 'New integration…'),
          ]),
          canCreate.value ? null : h('p', { class: 'note' }, 'Creating integrations needs the admin role.'),
          h('integration-list', {
            ref: list,
            selected: selected.value,
            onGrantkitIntegrationSelect: (e: CustomEvent<{ clientId: string }>) => (selected.value = e.detail.clientId),
          }),
          h('create-integration-dialog', {
            ref: create,
            onGrantkitIntegrationCreated: (e: CustomEvent<{ clientId: string }>) => {
              reload();
              selected.value = e.detail.clientId;
            },
          }),
        ]),
        h('section', { class: 'card', 'aria-labelledby': 'scopes-title' }, [
          h('h2', { id: 'scopes-title' }, selected.value ? 'Scopes this integration may ask for' : 'Scopes'),
          h('scope-manager', { clientId: selected.value }),
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
      h('section', { class: 'card', id: 'personal', 'aria-labelledby': 'personal-title' }, [
        h('h2', { id: 'personal-title' }, 'Your personal access tokens'),
        h('personal-token-list'),
      ]),
      h('section', { class: 'card', id: 'connected', 'aria-labelledby': 'connected-title' }, [
        h('h2', { id: 'connected-title' }, 'Connected apps'),
        h('p', { class: 'note' }, 'Integrations you allowed to act for you on their consent page.'),
        h('connected-apps'),
      ]),
    ];

    return () =>
      h(
        'grantkit-provider',
        {
          ref: provider,
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
