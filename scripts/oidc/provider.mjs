// A real OpenID provider (npm oidc-provider) for the tests and the demo. Not for production: its
// login pages accept any name, its cookie keys are fixed and it keeps everything in memory.
//
//   node scripts/oidc/provider.mjs --port 8120 --app http://127.0.0.1:8097 [--app ORIGIN ...]
//     [--access-ttl 20] [--audience urn:training-account:api] [--test-controls]
//
// Clients, for every --app origin A (redirect A/auth/callback, back after logout to A/):
//   training-account       public (PKCE S256), authorization code + rotated refresh tokens
//   training-account-bff   confidential (client_secret_basic, secret $OIDC_BFF_SECRET)
//   conformance            client_credentials only (secret $OIDC_CONFORMANCE_SECRET)
// Access tokens asked for with resource=<audience> (or urn:other:api, a wrong audience for tests)
// are RS256 JWTs with that aud and the scope `api`.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import Provider, { errors } from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8120' },
    app: { type: 'string', multiple: true, default: [] },
    'access-ttl': { type: 'string', default: '3600' },
    audience: { type: 'string', default: 'urn:training-account:api' },
    'test-controls': { type: 'boolean', default: false },
  },
});
if (args.app.length === 0) throw new Error('give at least one --app origin');
const apps = args.app.map((a) => new URL(a).origin);
const accessTtl = Number(args['access-ttl']);
const issuer = `http://127.0.0.1:${args.port}`;
const day = 24 * 60 * 60;

// A new signing key each start: tokens from an earlier run must not verify anyway.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };

const browserClient = {
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  redirect_uris: apps.map((a) => `${a}/auth/callback`),
  post_logout_redirect_uris: apps.map((a) => `${a}/`),
};
const resourceServers = new Set([args.audience, 'urn:other:api']);

const provider = new Provider(issuer, {
  clients: [
    { ...browserClient, client_id: 'training-account', token_endpoint_auth_method: 'none' },
    {
      ...browserClient,
      client_id: 'training-account-bff',
      client_secret: process.env.OIDC_BFF_SECRET ?? 'demo-bff-secret',
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: 'conformance',
      client_secret: process.env.OIDC_CONFORMANCE_SECRET ?? 'conformance-secret',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  responseTypes: ['code'], // the authorization code flow only: no implicit or hybrid tokens
  jwks: { keys: [signingKey] },
  cookies: { keys: ['training-account-demo-provider-cookie-key'] },
  // The login name is the account (the demo back end's personas are a ... l).
  findAccount: (ctx, sub) => ({ accountId: sub, claims: () => ({ sub, name: `Demo person ${sub}` }) }),
  claims: { openid: ['sub'], profile: ['name'] },
  // name in the ID token too: the app's access token is for its API, not for userinfo (/me).
  conformIdTokenClaims: false,
  features: {
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      getResourceServerInfo(ctx, resource) {
        if (!resourceServers.has(resource)) throw new errors.InvalidTarget();
        return { scope: 'api', accessTokenFormat: 'jwt', accessTokenTTL: accessTtl, jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  // The browser app signs in without asking for offline_access (which needs prompt=consent), and
  // still keeps its session with refresh tokens: every one is used once (rotation).
  issueRefreshToken: (ctx, client) => client.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: true,
  // The app's origins may call the token endpoint and userinfo from the browser.
  clientBasedCORS: (ctx, origin) => apps.includes(origin),
  ttl: {
    AccessToken: accessTtl,
    ClientCredentials: accessTtl,
    IdToken: 3600,
    RefreshToken: day,
    Session: day,
    Grant: day,
  },
});

if (args['test-controls']) {
  // POST /test/revoke?sub=X ends everything account X was granted, as an administrator would:
  // its refresh tokens are refused from then on. (JWT access tokens are not stored: an API that
  // checks them by signature accepts them until they expire.)
  const grantsOf = new Map();
  provider.on('grant.saved', (grant) => {
    grantsOf.set(grant.accountId, (grantsOf.get(grant.accountId) ?? new Set()).add(grant.jti));
  });
  provider.use(async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== '/test/revoke') return next();
    const sub = ctx.query.sub;
    for (const id of grantsOf.get(sub) ?? []) {
      const { AccessToken, RefreshToken, AuthorizationCode, Grant } = provider;
      await Promise.all([AccessToken, RefreshToken, AuthorizationCode].map((m) => m.revokeByGrantId(id)));
      await (await Grant.find(id))?.destroy();
    }
    grantsOf.delete(sub);
    ctx.status = 204;
  });
}

provider.listen(Number(args.port), '127.0.0.1', () => console.log(`OpenID provider on ${issuer}`));
