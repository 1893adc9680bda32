// Some SDKs send the account as HTTP Basic auth: Segment's and RudderStack's write key is the user name
// (`Authorization: Basic base64("<writeKey>:")`). webRequest shows the header in onBeforeSendHeaders, after the
// hits were decoded from the URL and body; the worker reads it there and gives the account to hits without one.

/** The user name of a `Basic` Authorization header; undefined for any other scheme or a malformed value. */
export function accountFromBasicAuth(header: string | undefined): string | undefined {
  const match = header ? /^\s*Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header) : null;
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = atob(match[1]!.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const user = decoded.split(':')[0]!;
  // A write key is printable ASCII; anything else is not an account worth showing.
  return /^[\x21-\x7e]{1,200}$/.test(user) ? user : undefined;
}
