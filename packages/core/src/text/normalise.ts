/**
 * Accent-insensitive text, so that "thu tuc" finds "thủ tục" and "giay phep" finds "Giấy phép".
 * Vietnamese "đ/Đ" is a separate letter, not a d with a combining mark, so NFD alone keeps it.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Search terms from a user's query: folded and split on anything that is not a letter or digit. */
export function searchTerms(query: string): string[] {
  return foldVietnamese(query)
    .split(/[^\p{L}\p{N}.]+/u)
    .map((t) => t.replace(/^\.+|\.+$/g, ''))
    .filter((t) => t.length > 0);
}
