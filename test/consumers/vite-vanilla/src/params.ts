/** What the consumer test passes in the page address's fragment: a personal access token and the admin API's address. */
export function params(): { token: string; base: string } {
  const fragment = new URLSearchParams(location.hash.slice(1));
  return { token: fragment.get('token') ?? '', base: fragment.get('base') ?? '' };
}
