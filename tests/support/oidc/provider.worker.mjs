// A real OpenID provider (oidc-provider 9) for the tests, in a worker thread
// so its clock can run apart from Keyline's (an "expired ID token" is one
// issued by a provider whose clock is behind). Plain JavaScript: workers do
// not get the TypeScript transform. Started by ./test-provider.ts.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import Provider from 'oidc-provider';

const { port, client } = workerData;
/** This provider's clock, apart from Keyline's: behind by an hour, it issues ID tokens Keyline finds expired. */
let clockOffsetMs = 0;
const realNow = Date.now;
Date.now = () => realNow() + clockOffsetMs;

/** Account id (what one types at the login page) → claims. */
const accounts = new Map();
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [client],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  // Scope claims go into the ID token, as Okta, Google and Keycloak do for these scopes.
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'groups'],
  },
  cookies: { keys: ['keyline-test-provider-cookie-key'] },
  findAccount: (_ctx, id) =>
    accounts.has(id) ? { accountId: id, claims: () => ({ sub: id, ...accounts.get(id) }) } : undefined,
});

const server = createServer(provider.callback());
server.listen(port, '127.0.0.1', () => parentPort.postMessage({ type: 'ready', issuer }));

parentPort.on('message', (message) => {
  if (message.type === 'account') {
    accounts.set(message.id, message.claims);
    parentPort.postMessage({ type: 'ack', seq: message.seq });
  } else if (message.type === 'clock') {
    clockOffsetMs = message.offsetSeconds * 1000;
    parentPort.postMessage({ type: 'ack', seq: message.seq });
  } else if (message.type === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
