// <integration-list> and the admin client, and nothing else of grantkit: the request carries a
// personal access token through a fetch of the app's own.
import { createAdminClient } from 'grantkit/admin';
import 'grantkit/components/integration-list';
import { params } from './params';

const { token, base } = params();
const list = document.querySelector('integration-list')!;
list.admin = createAdminClient({
  baseUrl: base,
  fetch(input, init) {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  },
});
// Typed by grantkit's event map: detail is { clientId: string }.
list.addEventListener('grantkit-integration-select', (event) => {
  document.querySelector('#selected')!.textContent = `Selected ${event.detail.clientId}`;
});
