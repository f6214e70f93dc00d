// What both no-bundler pages run once grantkit is loaded (each its own way): the list gets an
// admin client for the token the test put in the fragment, and a chosen row is named.
export function showList(createAdminClient) {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const list = document.querySelector('integration-list');
  list.admin = createAdminClient({
    baseUrl: fragment.get('base'),
    fetch(input, init) {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${fragment.get('token')}`);
      return fetch(input, { ...init, headers });
    },
  });
  list.addEventListener('grantkit-integration-select', (event) => {
    document.querySelector('#selected').textContent = `Selected ${event.detail.clientId}`;
  });
}
