// What <integration-details> shows, in one object that the element replaces, never changes, on each update.
import type { Endpoints, Integration } from '../../src/admin/index.js';
import type { Confirmation } from './lifecycle-section.js';
import type { Draft, FieldErrors } from './settings-draft.js';

export interface View {
  integration?: Integration | undefined;
  endpoints?: Endpoints | undefined;
  loadError?: unknown;
  deletedName: string;
  /** Whether the caller may change it; undefined until /me has answered. */
  canWrite?: boolean | undefined;
  draft?: Draft | undefined;
  errors: FieldErrors;
  saving: boolean;
  saveError?: unknown;
  saved: boolean;
  statusBusy: boolean;
  statusError?: unknown;
  confirm?: Confirmation | undefined;
  typedName: string;
  confirmBusy: boolean;
  confirmError?: unknown;
}

export const INITIAL: View = {
  integration: undefined, endpoints: undefined, loadError: undefined, deletedName: '', canWrite: undefined, draft: undefined, errors: {}, saving: false, saveError: undefined,
  saved: false, statusBusy: false, statusError: undefined, confirm: undefined, typedName: '', confirmBusy: false, confirmError: undefined,
};
