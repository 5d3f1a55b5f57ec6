/** Longest display name kept, in code points (the extension is kept when a name is cut). */
const MAX_NAME_LENGTH = 200;

/**
 * A client's file name made safe to show (issue 6: "names are sanitised for display and never used as storage
 * paths"): browsers' form-data escapes of `"`, CR and LF (`%22`, `%0D`, `%0A`, WHATWG HTML § 4.10.21.8) undone;
 * the last path segment only (so `../../etc/passwd` is `passwd`), NFC, without control characters (CR, LF,
 * NUL, …) or bidirectional overrides (the `gnp.exe` trick, Unicode TR 36 § 2.4), whitespace collapsed, leading dots
 * dropped, at most 200 code points. An empty result is `file`.
 */
export function displayName(raw: string): string {
  const unescaped = raw.replace(/%22/gi, '"').replace(/%0D|%0A/gi, '\n');
  const segment = unescaped.split(/[\\/]/).pop() ?? '';
  const clean = segment
    .normalize('NFC')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const points = [...clean];
  if (points.length === 0) return 'file';
  if (points.length <= MAX_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? [...clean.slice(dot)].slice(0, 20).join('') : '';
  return points.slice(0, MAX_NAME_LENGTH - [...extension].length).join('') + extension;
}
