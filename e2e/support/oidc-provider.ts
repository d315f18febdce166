/**
 * A real OpenID provider on a loopback port (`oidc-provider`), standing in for VNeID: it knows the
 * TEST_PEOPLE, shows its development login and consent pages (devInteractions: any password), and
 * has Motcua registered as a confidential client with PKCE required.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { PERSON_WITHOUT_EMAIL, TEST_PEOPLE, type TestPerson } from './people.ts';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startOidcProvider(redirectUrl: string): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'motcua-e2e';
  const clientSecret = 'motcua-e2e-secret';
  const people = new Map<string, Omit<TestPerson, 'email'> & { email?: string }>(
    [...TEST_PEOPLE, PERSON_WITHOUT_EMAIL].map((p) => [p.sub, p]),
  );
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Motcua asks for `openid profile`; the identity number and the email come with the profile.
    claims: { openid: ['sub'], profile: ['name', 'identity_number', 'email'] },
    findAccount: async (_ctx, sub) => {
      const person = people.get(sub);
      if (!person) return undefined;
      const { sub: _sub, ...claims } = person;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
  });
  // The development pages and keys are what this provider is for: their warnings are noise here.
  provider.on('server_error', (_ctx, err) => process.stderr.write(`[e2e] OpenID provider: ${err.message}\n`));
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
