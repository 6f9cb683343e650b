// A real OpenID Connect provider (the certified `oidc-provider` package) on loopback, for
// tests/test_browser_login.py. Its development sign-in form accepts any password for the test
// users below; nothing here is meant for use outside the test.
//
//   PORT=9100 REDIRECT_URI=http://127.0.0.1:8501/oauth2callback node tests/oidc/provider.js
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const redirectUri = process.env.REDIRECT_URI;

// The test people: their claims as an employer's identity provider would send them.
const users = {
  karin: { sub: 'karin', email: 'karin@example.org', email_verified: true, name: 'Karin Lindqvist', groups: ['recruiters'] },
  boss: { sub: 'boss', email: 'boss@example.org', email_verified: true, name: 'Bo Ss', groups: ['it'] },
  ann: { sub: 'ann', email: 'ann@example.org', email_verified: true, name: 'Ann Analys', groups: ['hr'] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'radar',
    client_secret: 'radar-test-secret',
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  // Streamlit reads the ID token's claims (not the userinfo endpoint): put the granted claims there.
  conformIdTokenClaims: false,
  async findAccount(ctx, id) {
    const claims = users[id];
    return claims && { accountId: id, async claims() { return claims; } };
  },
  cookies: { keys: ['radar-test-only'] },
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on http://127.0.0.1:${port}`);
});
