import type { ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { allowFormActionsTo } from '../http/security-headers.js';

// The sign-in ends with the browser sent on to the client's redirect_uri, often on another
// origin, and often as the last of the redirects after a form POST, which Chromium checks
// against the posting page's form-action. So each page on that way names the one origin it
// may send the browser to: the redirect_uri the provider has already checked against the
// client's registration. Nothing a request says on its own is added.

/** The sign-in pages under /interaction/<uid>: their forms end at the interaction's redirect_uri. */
export async function allowInteractionRedirect(provider: Provider, res: ServerResponse, uid: string): Promise<void> {
  const interaction = await provider.Interaction.find(uid);
  const redirectUri = interaction?.params.redirect_uri;
  if (typeof redirectUri === 'string') allowFormActionsTo(res, [redirectUri]);
}

/**
 * oidc-provider's own pages: form_post (its form posts to the redirect_uri), the page that
 * signs out a session before a sign-in as someone else (the resumed authorization ends at the
 * stored redirect_uri), and the logout confirmation (it ends at post_logout_redirect_uri,
 * which end_session has checked, or dropped when no client names it).
 */
export function allowClientRedirectsOnProviderPages(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    // Only the provider's routes have ctx.oidc; a 404 does not.
    const oidc = (ctx as { oidc?: (typeof ctx)['oidc'] }).oidc;
    if (!oidc || !ctx.response.is('html')) return;
    const targets = [
      oidc.redirectUriCheckPerformed ? oidc.params?.redirect_uri : undefined,
      oidc.entities.Interaction?.params.redirect_uri,
      oidc.route === 'end_session' ? oidc.params?.post_logout_redirect_uri : undefined,
    ];
    allowFormActionsTo(ctx.res, targets.filter((target): target is string => typeof target === 'string'));
  });
}
