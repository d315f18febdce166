import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';

/**
 * The OpenID Connect relying party for citizen sign-in (VNeID and other OIDC providers):
 * authorisation code flow with PKCE (S256), state and nonce, client_secret_basic.
 */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  fullName: string | null;
  email: string | null;
  /** The identity number claim as the provider sent it; never logged. */
  identityNumber: unknown;
  /**
   * The organisations the provider says the person represents (tax code claim as sent, its name),
   * or null when no organisation claim is configured: then nothing is known either way.
   */
  businesses: { taxCode: unknown; name: string | null }[] | null;
}

/** A claim holding one value or a list of them. */
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

export const hashState = (state: string) => createHash('sha256').update(state).digest('base64url');

export class OidcClient {
  #configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: OidcConfig) {}

  /** The provider's metadata, discovered once; a failed discovery is retried on the next sign-in. */
  #configurationOnce(): Promise<client.Configuration> {
    if (!this.#configuration) {
      const issuer = new URL(this.settings.issuerUrl);
      // Plain HTTP only for a provider on this machine (tests, development); anything else needs TLS.
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
      this.#configuration = client.discovery(
        issuer,
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        loopback && issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      this.#configuration.catch(() => {
        this.#configuration = null;
      });
    }
    return this.#configuration;
  }

  /** Where to send the browser, and what the callback must check. */
  async start(): Promise<{ url: URL; state: string; codeVerifier: string; nonce: string }> {
    const configuration = await this.#configurationOnce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl,
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, codeVerifier, nonce };
  }

  /**
   * Exchanges the code (checking state, PKCE and the ID token's issuer, audience, expiry and
   * nonce), then reads the claims from the ID token and the UserInfo endpoint.
   */
  async finish(
    query: string,
    checks: { state: string; codeVerifier: string; nonce: string },
  ): Promise<OidcIdentity> {
    const configuration = await this.#configurationOnce();
    const currentUrl = new URL(this.settings.redirectUrl);
    currentUrl.search = query;
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the provider sent no ID token');
    const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    const claims: Record<string, unknown> = { ...idClaims, ...info };
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    return {
      issuer: idClaims.iss,
      subject: idClaims.sub,
      fullName: text(claims.name),
      email: text(claims.email),
      identityNumber: claims[this.settings.identityClaim],
      businesses: this.#businesses(claims),
    };
  }

  #businesses(claims: Record<string, unknown>): OidcIdentity['businesses'] {
    const { businessTaxCodeClaim, businessNameClaim } = this.settings;
    if (!businessTaxCodeClaim) return null;
    const names = businessNameClaim ? listOf(claims[businessNameClaim]) : [];
    return listOf(claims[businessTaxCodeClaim]).map((taxCode, i) => ({
      taxCode,
      name: typeof names[i] === 'string' && names[i].trim() !== '' ? names[i].trim() : null,
    }));
  }
}
