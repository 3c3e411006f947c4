/** Who a login provider says the user is; groups map to Weir roles by the admin's rules. */
export interface LoginIdentity {
  username: string;
  displayName?: string;
  email?: string;
  groups: string[];
}

/** A provider checking a username and password itself, as LDAP does. */
export interface PasswordLoginProvider {
  kind: 'password';
  id: string;
  title: string;
  /** The identity, or null for wrong credentials; throw when the provider cannot be reached. */
  authenticate(credentials: { username: string; password: string }): Promise<LoginIdentity | null>;
}

/** A provider the browser is sent to and comes back from, as OpenID Connect and SAML are. */
export interface RedirectLoginProvider {
  kind: 'redirect';
  id: string;
  title: string;
  /** Where to send the browser; `state` must come back unchanged. */
  start(input: { redirectUri: string; state: string }): Promise<{ url: string }>;
  /** Reads the answer the browser brought back (its query parameters). */
  finish(input: {
    redirectUri: string;
    state: string;
    query: Record<string, string>;
  }): Promise<LoginIdentity>;
}

export type LoginProvider = PasswordLoginProvider | RedirectLoginProvider;
