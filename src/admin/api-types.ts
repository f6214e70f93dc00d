// Generated from docs/admin-api.yaml by scripts/generate-admin-api.mjs. Do not edit: change the document and run `npm run generate`.
/* eslint-disable */
export interface paths {
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller, their roles and their permissions. */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists integrations, newest first unless `sort` says otherwise, a page at a time. */
        get: operations["listIntegrations"];
        put?: never;
        /**
         * Registers an integration. A confidential one gets a secret, returned here only.
         * @description The name is stored in its NFKC form with white space collapsed, and must show something. Name and version are unique as they look: one that differs from an existing pair only in case, invisible characters or look-alike letters of another script (a UTS #39 confusable skeleton) is a `duplicate_name` (409).
         */
        post: operations["createIntegration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        /** One integration, by its client ID. */
        get: operations["getIntegration"];
        put?: never;
        post?: never;
        /** Deletes the integration and revokes every token issued to it. */
        delete: operations["deleteIntegration"];
        options?: never;
        head?: never;
        /** Changes the given fields. The name, version and type cannot change. */
        patch: operations["updateIntegration"];
        trace?: never;
    };
    "/integrations/{client_id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lets the integration get tokens again. */
        post: operations["activateIntegration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivates the integration; its tokens stop working and it can obtain no new ones until activated. */
        post: operations["deactivateIntegration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issues a new secret, returned here only. The old one stops working at once, or when the grace period ends. */
        post: operations["rotateIntegrationSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}/secret/previous": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Ends the grace period of a rotated-out secret now, so that only the current secret works.
         * @description Idempotent: when no rotated-out secret is accepted (none was kept, or its grace period is over), the integration is returned unchanged. Every instance refuses the old secret from the moment this answers.
         */
        delete: operations["endSecretGracePeriod"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        /**
         * The public keys a `private_key_jwt` integration signs its client assertions with (RFC 7523), oldest first.
         * @description An integration that authenticates otherwise has none. Nothing here is secret: these are public keys.
         */
        get: operations["listIntegrationKeys"];
        put?: never;
        /**
         * Adds a public key; assertions signed with it are accepted at once, and the other keys keep working.
         * @description Rotating a key is adding the new one, moving the app to it, then removing the old one: at no moment is the app locked out. Accepts a public key only, as PEM (SPKI, `-----BEGIN PUBLIC KEY-----`) or as a JWK: a private key is refused (`private_key`) and never stored, and so are RSA keys under 2048 or over 8192 bits or with a public exponent other than an odd one from 65537 below 2^256, symmetric keys, and curves and algorithms this server does not accept (`weak_key`). A certificate is refused: paste the key it holds. At most 10 keys per integration.
         */
        post: operations["addIntegrationKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}/keys/{kid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
                kid: components["schemas"]["KeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Removes a key; every instance refuses assertions signed with it from the moment this answers. */
        delete: operations["removeIntegrationKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        /** The URLs the integration's developers need. */
        get: operations["getIntegrationEndpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revokes every token and grant issued to the integration; its users sign in again, and a service asks for a new token.
         * @description The integration stays active and keeps its secret. Every instance refuses the revoked tokens from the moment this answers.
         */
        delete: operations["revokeIntegrationTokens"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        /** The scopes associated with the integration. */
        get: operations["listIntegrationScopes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/{client_id}/scopes/{scope_name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
                scope_name: components["parameters"]["ScopeName"];
            };
            cookie?: never;
        };
        get?: never;
        /** Lets the integration ask for this scope. */
        put: operations["associateScope"];
        post?: never;
        /** Removes a scope from the integration; idempotent. */
        delete: operations["disassociateScope"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists scopes by name, a page at a time. */
        get: operations["listScopes"];
        put?: never;
        /** @description The scopes the server defines itself (`openid`, `offline_access`, `profile`, `email`, `roles`, `grantkit:admin`) cannot be created, in any case: 400 `validation_failed` on `/body/name`. A created scope is offered in discovery's `scopes_supported` until it is deleted. */
        post: operations["createScope"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scopes/{scope_name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scope_name: components["parameters"]["ScopeName"];
            };
            cookie?: never;
        };
        /** One scope, by its name. */
        get: operations["getScope"];
        put?: never;
        post?: never;
        /** Deletes a scope no integration and no token uses (409 otherwise). */
        delete: operations["deleteScope"];
        options?: never;
        head?: never;
        /** Changes the description or service URLs. The name cannot change. */
        patch: operations["updateScope"];
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tokens issued to integrations, newest first. */
        get: operations["listTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `id` of a listed token (a handle, not the token). */
                token_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revokes the access token and its refresh token. */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/personal-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's personal access tokens.
         * @description Needs a signed-in session (an access token); a personal access token is refused with 403, as for creating and revoking.
         */
        get: operations["listPersonalTokens"];
        put?: never;
        /**
         * Creates a personal access token; its value is returned here only. It cannot hold roles its creator lacks.
         * @description Needs a signed-in session (an access token); a personal access token is refused with 403. A user holds at most 100 unexpired personal access tokens: beyond that, 409 `conflict` (expired ones do not count).
         */
        post: operations["createPersonalToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/personal-tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** @description Needs a signed-in session (an access token); a personal access token is refused with 403. */
        delete: operations["revokePersonalToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/personal-tokens/{token_id}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issues a new value for one of the caller's personal access tokens, returned here only; the old value stops working at once.
         * @description The token keeps its id, name, permissions and roles; its expiry starts again from now, for the lifetime it had (or `expires_in_days`). An expired token may be regenerated. Needs a signed-in session (an access token), and the caller must still hold the token's roles (403 otherwise). The limit of unexpired tokens applies (409 `conflict`).
         */
        post: operations["regeneratePersonalToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connected-apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The integrations the caller has allowed access to, with the scopes, since when, and when last used.
         * @description Needs a signed-in session; a personal access token is refused with 403.
         */
        get: operations["listConnectedApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connected-apps/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Takes the caller's consent back; every token the integration holds for the caller ends at once.
         * @description Needs a signed-in session; a personal access token is refused with 403.
         */
        delete: operations["revokeConnectedApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
/** Every schema, parameter and answer of docs/admin-api.yaml: `components['schemas']['Integration']`. */
export interface components {
    schemas: {
        /** @description RFC 9457 problem details. */
        Problem: {
            /** Format: uri-reference */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            /** @enum {string} */
            code: "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "duplicate_name" | "scope_in_use" | "no_secret" | "invalid_key" | "private_key" | "weak_key" | "duplicate_key" | "too_many_keys" | "keys_not_used" | "internal_error";
            /** @description With `scope_in_use`, what uses the scope, so that a console can name or link it. */
            in_use?: {
                /** @description How many integrations the scope is associated with. */
                integration_count: number;
                /** @description The first of them (at most 10), in the order they were associated; empty for a caller without `integrations:read`, who learns how many but not which. */
                integrations: components["schemas"]["IntegrationRef"][];
                /** @description Whether tokens that carry the scope are still valid. */
                live_tokens: boolean;
            };
            /** @description With `validation_failed`, one entry per failing field. */
            errors?: {
                /** @description JSON Pointer into the request, e.g. `/body/redirect_uris/0`. */
                path: string;
                message: string;
            }[];
        };
        IntegrationRef: {
            client_id: string;
            client_name: string;
            version: string;
        };
        /** @enum {string} */
        Role: "admin" | "viewer";
        /** @enum {string} */
        Permission: "integrations:read" | "integrations:write" | "scopes:read" | "scopes:write" | "tokens:read" | "tokens:write" | "personal-tokens:write";
        Me: {
            sub: string;
            name?: string;
            email?: string;
            roles: components["schemas"]["Role"][];
            permissions: components["schemas"]["Permission"][];
            /**
             * @description How the caller authenticated.
             * @enum {string}
             */
            auth: "access_token" | "personal_token";
        };
        /** @enum {string} */
        IntegrationStatus: "active" | "inactive";
        /**
         * @description The grants an integration may use. Implicit and password grants are not offered (RFC 9700).
         * @enum {string}
         */
        GrantType: "authorization_code" | "refresh_token" | "client_credentials";
        /**
         * @description What the integration is, which decides what it may be (the rules are `IntegrationRules`): `web`, a web application whose server keeps a secret or a private key (confidential; signs users in with the authorization code grant); `single_page`, an app that runs in the browser (public: no secret, PKCE); `native`, a desktop, mobile or command-line app (public, RFC 8252), whose callback URLs are `NativeRedirectUri`s; `service`, a program that acts as itself (confidential; the client credentials grant only; no callback URL). Its OpenID Connect `application_type` (RFC 7591 §2) is `native` for `native` and `web` for the others.
         * @enum {string}
         */
        IntegrationKind: "web" | "single_page" | "native" | "service";
        /** @description A callback URL, compared as an exact string, with no fragment: https, or http on this machine, for a web or single-page app; for a native app, also its own reverse-DNS scheme, or http on 127.0.0.1 or [::1] with any port (which form a kind takes is in `IntegrationRules`). */
        RedirectUri: components["schemas"]["WebRedirectUri"] | components["schemas"]["NativeRedirectUri"];
        /**
         * Format: browser-url
         * @description Compared as an exact string. https, or http for loopback hosts; no fragment. Format `browser-url`: the string parses as a URL by the WHATWG URL Standard, as a browser would parse it (port at most 65535, a valid host).
         */
        WebRedirectUri: string;
        /**
         * Format: native-app-url
         * @description A native app's callback (RFC 8252 §7), with no fragment: a private-use URI scheme in reverse-DNS form (a dot in the scheme, as `com.example.app:/oauth/callback`); `http` on the loopback IP literals 127.0.0.1 or [::1] (not `localhost`, §8.3), where the authorization request may name any port (§7.3); or a claimed `https` URL on a host that is not this machine. Format `native-app-url`: the string parses as a URL by the WHATWG URL Standard, and an `https` one's host, as parsed, is not a loopback name or address.
         */
        NativeRedirectUri: string;
        /** @description Allowed logout URLs ("post_logout_redirect_uris", OpenID Connect RP-Initiated Logout 1.0 §3 and RFC 7591): where the end-session endpoint may send the browser back after signing out, when the request names one and the integration. Compared exactly, as callback URLs are (a native app's loopback ones on any port). Any other is refused by the end-session endpoint, which then sends the browser nowhere. */
        LogoutUris: components["schemas"]["RedirectUri"][];
        /** @description The rules an integration's fields keep together, whatever request set them: a created integration (with its kind as sent or as derived) and a changed one (the stored integration with the change applied) both follow them; a request that would break one is refused with `validation_failed` at the field. The authorization code grant needs a callback URL; a public client cannot use the client credentials grant; and each kind has its own: `web` is confidential and signs users in, `single_page` and `native` are public and sign users in (with `WebRedirectUri` and `NativeRedirectUri` callbacks), and `service` is confidential, with the client credentials grant only and no callback URL. Logout URLs take the same form as the kind's callback URLs. */
        IntegrationRules: unknown & unknown & unknown & unknown & unknown & unknown;
        /** @description Seconds an access token stays valid; null means it never expires ("Lifetime"). */
        AccessTokenLifetime: number | null;
        /** @description How many times a refresh token may be used; null means unlimited, 0 means no refresh token is issued. */
        RefreshCount: number | null;
        Integration: {
            readonly client_id: string;
            client_name: string;
            version: string;
            description: string;
            kind: components["schemas"]["IntegrationKind"];
            /**
             * @description `none` makes a public client (no secret). `private_key_jwt` makes a confidential client with no shared secret at all: it signs a client assertion (RFC 7523) with a private key only it holds, whose public key is registered under `/integrations/{client_id}/keys`.
             * @enum {string}
             */
            token_endpoint_auth_method: "none" | "client_secret_basic" | "client_secret_post" | "private_key_jwt";
            /** @enum {string} */
            readonly client_type: "confidential" | "public";
            redirect_uris: components["schemas"]["RedirectUri"][];
            post_logout_redirect_uris: components["schemas"]["LogoutUris"];
            grant_types: components["schemas"]["GrantType"][];
            access_token_lifetime: components["schemas"]["AccessTokenLifetime"];
            refresh_count: components["schemas"]["RefreshCount"];
            /** Format: uri */
            audience?: string;
            /** @description Space-separated names of the associated scopes (RFC 7591 `scope`). Changed through the scope association calls. */
            readonly scope: string;
            status: components["schemas"]["IntegrationStatus"];
            /** @description The last four characters of the current secret, for recognising it; null for public and `private_key_jwt` clients. */
            readonly client_secret_last4: string | null;
            /** @description RFC 7591; always 0 (does not expire). */
            readonly client_secret_expires_at: number;
            /** @description While a rotated-out secret is still accepted, when it stops being accepted. */
            readonly previous_secret_expires_at?: string | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        IntegrationWithSecret: components["schemas"]["Integration"] & {
            /** @description Present only when the integration authenticates with a secret. Shown this once. */
            client_secret?: string;
        };
        /** @description Something visible, with no control or invisible characters (such as zero-width spaces, right-to-left overrides or Hangul fillers). */
        IntegrationName: string;
        /** @description Letters, digits, dots, hyphens and underscores. */
        IntegrationVersion: string;
        IntegrationCreate: {
            client_name: components["schemas"]["IntegrationName"];
            version: components["schemas"]["IntegrationVersion"];
            description?: string;
            /** @description When left out, it follows from the rest: `single_page` for a public client, `web` for a confidential one that may use the authorization code grant, `service` for any other. */
            kind?: components["schemas"]["IntegrationKind"];
            /** @enum {string} */
            token_endpoint_auth_method: "none" | "client_secret_basic" | "client_secret_post" | "private_key_jwt";
            redirect_uris?: components["schemas"]["RedirectUri"][];
            post_logout_redirect_uris?: components["schemas"]["LogoutUris"];
            grant_types: components["schemas"]["GrantType"][];
            access_token_lifetime?: components["schemas"]["AccessTokenLifetime"];
            refresh_count?: components["schemas"]["RefreshCount"];
            /** Format: uri */
            audience?: string;
        } & components["schemas"]["IntegrationRules"];
        /** @description The fields to change. The integration as changed must still follow `IntegrationRules`: a kind changes only to one of the same client type (the authentication method stays), such as `single_page` to `native` when every callback URL is a native one. */
        IntegrationUpdate: {
            description?: string;
            kind?: components["schemas"]["IntegrationKind"];
            redirect_uris?: components["schemas"]["RedirectUri"][];
            post_logout_redirect_uris?: components["schemas"]["LogoutUris"];
            grant_types?: components["schemas"]["GrantType"][];
            access_token_lifetime?: components["schemas"]["AccessTokenLifetime"];
            refresh_count?: components["schemas"]["RefreshCount"];
            audience?: string | null;
        };
        IntegrationPage: {
            items: components["schemas"]["Integration"][];
            next_cursor: string | null;
        };
        SecretRotation: {
            /**
             * @description How long the old secret keeps working; 0 (the default) ends it at once.
             * @default 0
             */
            grace_period_seconds: number;
        };
        RotatedSecret: {
            client_id: string;
            /** @description Shown this once. */
            client_secret: string;
            client_secret_last4: string;
            previous_secret_expires_at: string | null;
        };
        /** @description A key's id; unique within its integration. Not `.` or `..`, which a URL path would resolve away. */
        KeyId: string;
        /**
         * @description The algorithms client assertions may be signed with: RSA (2048 bits or more) with PKCS#1 v1.5 or PSS, ECDSA on P-256 or P-384, and Ed25519 (named `EdDSA`, or `Ed25519` as RFC 9864 and browsers' WebCrypto name it). No symmetric algorithm: this server holds no shared secret for such clients.
         * @enum {string}
         */
        KeyAlgorithm: "RS256" | "PS256" | "ES256" | "ES384" | "EdDSA" | "Ed25519";
        IntegrationKey: {
            kid: components["schemas"]["KeyId"];
            /** @enum {string} */
            kty: "RSA" | "EC" | "OKP";
            alg: components["schemas"]["KeyAlgorithm"];
            /**
             * @description The curve
             * @enum {string}
             */
            crv?: "P-256" | "P-384" | "Ed25519";
            /** @description Bits: the RSA modulus, or the curve's size. */
            key_size: number;
            /** @description RFC 7638 SHA-256 JWK thumbprint, base64url: the same key always has the same one. */
            thumbprint: string;
            /** @description The public key as stored, as a JWK (RFC 7517), with its `kid`, `alg` and `use` set. */
            jwk: {
                [key: string]: string;
            };
            /** Format: date-time */
            created_at: string;
        };
        IntegrationKeyCreate: {
            /** @description A public key as PEM (SPKI, `-----BEGIN PUBLIC KEY-----`), or a JWK as JSON text. */
            public_key: string;
            /** @description What assertions signed with the key must use. Default: the JWK's `alg` if it has one, else RS256 for RSA, ES256 or ES384 by the curve, EdDSA for Ed25519. */
            alg?: components["schemas"]["KeyAlgorithm"];
            /** @description Default the JWK's `kid` if it has one, else the key's thumbprint. */
            kid?: components["schemas"]["KeyId"];
        };
        Endpoints: {
            /** Format: uri */
            issuer: string;
            /** Format: uri */
            authorization_endpoint: string;
            /** Format: uri */
            token_endpoint: string;
            /** Format: uri */
            revocation_endpoint?: string;
            /** Format: uri */
            introspection_endpoint?: string;
            /** Format: uri */
            end_session_endpoint?: string;
            /** Format: uri */
            jwks_uri?: string;
        };
        /** @description Unique, compared case-insensitively; cannot change once created. */
        ScopeName: string;
        /** @description A relative URL of a service this scope grants; `/*` at the end matches everything below. */
        ServiceUrl: string;
        Scope: {
            name: components["schemas"]["ScopeName"];
            description: string;
            service_urls: components["schemas"]["ServiceUrl"][];
            /** @description How many integrations are associated with it; it cannot be deleted while this is above 0. */
            readonly integration_count: number;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        ScopeCreate: {
            name: components["schemas"]["ScopeName"];
            description?: string;
            service_urls?: components["schemas"]["ServiceUrl"][];
        };
        ScopeUpdate: {
            description?: string;
            service_urls?: components["schemas"]["ServiceUrl"][];
        };
        ScopePage: {
            items: components["schemas"]["Scope"][];
            next_cursor: string | null;
        };
        /** @description What was issued to an integration for one user sign-in (an access token and, maybe, its refresh token), or one client-credentials token. */
        Token: {
            /** @description A handle for revoking what was issued: neither the token nor a grant id, and no credential anywhere. The server may give new handles after a restart. */
            id: string;
            client_id: string;
            /** @description The user the token acts for; the integration itself for client credentials. */
            subject: string;
            /**
             * @description How it was issued: a user's sign-in (with its refreshes), or client credentials.
             * @enum {string}
             */
            grant_type: "authorization_code" | "client_credentials";
            scope: string;
            /** Format: date-time */
            issued_at: string;
            /** @description When the access token expires; null when it never does ("Lifetime"). */
            expires_at: string | null;
            /** @description True once the access token has expired ("Expired"). */
            expired: boolean;
            has_refresh_token: boolean;
            /** @description Refreshes left; null when unlimited ("Unlimited"). */
            refresh_count_remaining: number | null;
        };
        TokenPage: {
            items: components["schemas"]["Token"][];
            next_cursor: string | null;
        };
        PersonalToken: {
            id: string;
            name: string;
            /** @description Space-separated permissions it carries, e.g. `integrations:read`. */
            scope: string;
            roles: components["schemas"]["Role"][];
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description When its current value was issued: its creation, or its latest regeneration.
             */
            issued_at: string;
            /** Format: date-time */
            expires_at: string;
            last_used_at?: string | null;
            last4: string;
        };
        PersonalTokenCreate: {
            name: string;
            /** @description Permissions to carry (at least one); default all of the creator's. Never more than the creator has. */
            scope?: components["schemas"]["Permission"][];
            /** @description Roles to carry; default the creator's. Never a role the creator lacks. */
            roles?: components["schemas"]["Role"][];
            /** @description Personal tokens always expire. */
            expires_in_days: number;
        };
        PersonalTokenRegenerate: {
            /** @description The new lifetime; default the lifetime the token had. */
            expires_in_days?: number;
        };
        PersonalTokenWithValue: components["schemas"]["PersonalToken"] & {
            /** @description The token value. Shown this once. */
            token: string;
        };
        PersonalTokenPage: {
            items: components["schemas"]["PersonalToken"][];
            next_cursor: string | null;
        };
        ConnectedApp: {
            client_id: string;
            client_name: string;
            version: string;
            description: string;
            /** @description The scopes the caller allowed, space-separated. */
            scope: string;
            /** Format: date-time */
            granted_at: string;
            /** @description When the integration last got tokens for the caller. */
            last_used_at: string | null;
        };
        ConnectedAppPage: {
            items: components["schemas"]["ConnectedApp"][];
            next_cursor: string | null;
        };
    };
    responses: {
        /** @description The request does not match this document; `errors` names each failing field. */
        Invalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid bearer token. Sent with `WWW-Authenticate`. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller lacks the role this needs. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with what exists (a duplicate name, a scope in use, no secret to rotate). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        ClientId: string;
        ScopeName: components["schemas"]["ScopeName"];
        /** @description Case-insensitive text to find in names and descriptions. */
        Search: string;
        /** @description The `next_cursor` of the previous page. */
        Cursor: string;
        Limit: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
/** Every operation of docs/admin-api.yaml by operationId: its parameters, body and answers. */
export interface operations {
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listIntegrations: {
        parameters: {
            query?: {
                /** @description Case-insensitive text to find in names and descriptions. */
                q?: components["parameters"]["Search"];
                status?: components["schemas"]["IntegrationStatus"];
                /** @description Only public (no secret) or only confidential integrations. */
                client_type?: "public" | "confidential";
                /** @description Only integrations of this kind. */
                kind?: components["schemas"]["IntegrationKind"];
                /** @description `newest` (the default) and `oldest` by creation time; `name` by name (case ignored), then version. A cursor belongs to the order it was issued in. */
                sort?: "newest" | "oldest" | "name";
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of integrations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationPage"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntegrationCreate"];
            };
        };
        responses: {
            /** @description The new integration, with its secret when confidential. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationWithSecret"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    getIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The integration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntegrationUpdate"];
            };
        };
        responses: {
            /** @description The updated integration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    activateIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The integration, active. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deactivateIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The integration, inactive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    rotateIntegrationSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SecretRotation"];
            };
        };
        responses: {
            /** @description The new secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedSecret"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    endSecretGracePeriod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The integration, with `previous_secret_expires_at` null. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listIntegrationKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IntegrationKey"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    addIntegrationKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntegrationKeyCreate"];
            };
        };
        responses: {
            /** @description The key as stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationKey"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    removeIntegrationKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
                kid: components["schemas"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getIntegrationEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Endpoints"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    revokeIntegrationTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listIntegrationScopes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scopes associated with the integration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Scope"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    associateScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
                scope_name: components["parameters"]["ScopeName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Associated (or already was). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    disassociateScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
                scope_name: components["parameters"]["ScopeName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disassociated (or was not associated). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listScopes: {
        parameters: {
            query?: {
                /** @description Case-insensitive text to find in names and descriptions. */
                q?: components["parameters"]["Search"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of scopes, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScopePage"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createScope: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScopeCreate"];
            };
        };
        responses: {
            /** @description The new scope. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scope"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    getScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scope_name: components["parameters"]["ScopeName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scope. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scope"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scope_name: components["parameters"]["ScopeName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                scope_name: components["parameters"]["ScopeName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScopeUpdate"];
            };
        };
        responses: {
            /** @description The updated scope. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scope"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listTokens: {
        parameters: {
            query?: {
                client_id?: string;
                subject?: string;
                /** @description Only tokens whose access token still works (`active`, lifetime tokens included), or only those whose access token has expired (`expired`). */
                status?: "active" | "expired";
                /** @description Only what users' sign-ins got (`authorization_code`), or only client-credentials tokens. */
                grant_type?: "authorization_code" | "client_credentials";
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPage"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `id` of a listed token (a handle, not the token). */
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listPersonalTokens: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of personal access tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalTokenPage"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createPersonalToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonalTokenCreate"];
            };
        };
        responses: {
            /** @description The new token, with its value. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalTokenWithValue"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    revokePersonalToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    regeneratePersonalToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PersonalTokenRegenerate"];
            };
        };
        responses: {
            /** @description The token, with its new value. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalTokenWithValue"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listConnectedApps: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of connected apps, newest consent first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectedAppPage"];
                };
            };
            400: components["responses"]["Invalid"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    revokeConnectedApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}
