// A standalone component using <integration-list> as a custom element: a property binding and
// an event binding, with CUSTOM_ELEMENTS_SCHEMA.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { createAdminClient } from 'grantkit/admin';
import type { GrantkitElementEvents } from 'grantkit/components';
import 'grantkit/components/integration-list';

const fragment = new URLSearchParams(location.hash.slice(1));
const token = fragment.get('token') ?? '';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <integration-list [admin]="admin" (grantkit-integration-select)="onSelect($event)"></integration-list>
    <p id="selected" role="status">{{ selected() }}</p>
  `,
})
export class AppComponent {
  readonly admin = createAdminClient({
    baseUrl: fragment.get('base') ?? '',
    fetch(input, init) {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  });
  readonly selected = signal('');

  onSelect(event: Event): void {
    const { detail } = event as CustomEvent<GrantkitElementEvents['grantkit-integration-select']>;
    this.selected.set(`Selected ${detail.clientId}`);
  }
}
