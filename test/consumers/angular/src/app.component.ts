// A standalone component using <integration-list> as a custom element: a property binding and
// an event binding, with CUSTOM_ELEMENTS_SCHEMA.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { GrantkitElementEvents } from 'grantkit/components';
import 'grantkit/components/integration-list';
import { adminFromFragment } from 'consumer-fixture';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <integration-list [admin]="admin" (grantkit-integration-select)="onSelect($event)"></integration-list>
    <p id="selected" role="status">{{ selected() }}</p>
  `,
})
export class AppComponent {
  readonly admin = adminFromFragment();
  readonly selected = signal('');

  onSelect(event: Event): void {
    const { detail } = event as CustomEvent<GrantkitElementEvents['grantkit-integration-select']>;
    this.selected.set(`Selected ${detail.clientId}`);
  }
}
