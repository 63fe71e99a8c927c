// Credentials written into a URL input (https://user:password@charts.example.com) are taken out at
// parse time: the URL shown anywhere has none, the password is registered as a secret, and helm
// gets them as --username/--password instead of inside the URL.
export interface UrlCredentials {
  /** the URL without userinfo */
  url: string;
  username?: string;
  password?: string;
}

export function splitUrlCredentials(u: URL): UrlCredentials {
  const username = u.username ? decodeURIComponent(u.username) : undefined;
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  const bare = new URL(u.href);
  bare.username = '';
  bare.password = '';
  return { url: bare.href.replace(/\/+$/, ''), ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

/** The strings to hide for these credentials: the password, and the userinfo as written. */
export function credentialSecrets(u: URL): string[] {
  const out: string[] = [];
  if (u.password) out.push(u.password, decodeURIComponent(u.password));
  if (u.username && u.password) out.push(`${u.username}:${u.password}`);
  // a lone user part is usually a token (https://TOKEN@host)
  if (u.username && !u.password) out.push(u.username, decodeURIComponent(u.username));
  return [...new Set(out)];
}
