/** Who is calling: resolved once per request from the session cookie or the Bearer token. */
export interface Principal {
  userId: string;
  username: string;
  role: string;
  via: 'session' | 'token';
  /** Set when `via` is `session`: the hash that identifies the session row. */
  sessionHash?: string;
  tokenId?: string;
}
