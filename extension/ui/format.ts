/** Small formatters shared by the side panel and the corpus page. */

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** `fr` → `French`; unknown or missing codes say so. */
export function languageName(code: string | null): string {
  if (!code) return 'language unknown';
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A date for lists: `6 Jul 2016`; null and unparsable dates give ''. */
export function shortDate(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Bytes as `1.2 MB`. */
export function byteSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
