// The Client Component the README's Next.js page imports ('./account'), as test/consumers/next has it.
export function Account() {
  return <p>Signing in…</p>;
}
