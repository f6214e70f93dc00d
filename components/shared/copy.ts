/**
 * Copies a value shown in a read-only field. Without clipboard permission (an insecure
 * origin, a denied prompt), selects the field so the user can copy it themselves.
 * Resolves true when the clipboard has it.
 */
export async function copyFromField(field: HTMLInputElement | null | undefined, value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return false;
  }
}
