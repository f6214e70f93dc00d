// <integration-list> and the admin client, and nothing else of grantkit.
import 'grantkit/components/integration-list';
import { adminFromFragment } from 'consumer-fixture';

const list = document.querySelector('integration-list')!;
list.admin = adminFromFragment();
// Typed by grantkit's event map: detail is { clientId: string }.
list.addEventListener('grantkit-integration-select', (event) => {
  document.querySelector('#selected')!.textContent = `Selected ${event.detail.clientId}`;
});
