/**
 * The redaction rule for publishing a feedback case (công khai kết quả trả lời): names, ID
 * numbers, phone numbers, emails and addresses are removed from the published question and answer,
 * and the officer confirms the redacted text before it is published. The rule is applied again to
 * the text the officer confirms, so an edit cannot bring back what it removes.
 */

export const REDACTION_KINDS = ['email', 'identity', 'phone', 'address', 'name'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** What stands where something was removed, in the published (Vietnamese) text. */
export const REDACTION_MARKS: Record<RedactionKind, string> = {
  email: '[email đã ẩn]',
  identity: '[số giấy tờ đã ẩn]',
  phone: '[số điện thoại đã ẩn]',
  address: '[địa chỉ đã ẩn]',
  name: '[họ tên đã ẩn]',
};

export interface Redacted {
  text: string;
  removed: { kind: RedactionKind; count: number }[];
}

const UPPER_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]*`;
/** One to four capitalised words: a Vietnamese personal name. */
const NAME = String.raw`${UPPER_WORD}(?:\s+${UPPER_WORD}){0,3}`;
const HONORIFIC = '(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Cc]ô|[Cc]hú|[Ee]m|[Cc]háu|[Bb]ác|[Cc]ụ)';
const NAME_LEAD = String.raw`(?:[Tt]ôi\s+tên\s+là|[Tt]ôi\s+tên|[Tt]ên\s+tôi\s+là|[Tt]ôi\s+là|[Hh]ọ\s+và\s+tên|[Hh]ọ\s+tên|[Tt]ên)`;
const ADDRESS_LEAD = String.raw`(?:[Đđ]ịa\s+chỉ|[Tt]rú\s+tại|[Tt]hường\s+trú|[Cc]ư\s+trú|[Tt]ạm\s+trú|[Ss]ống\s+tại|[Nn]hà\s+(?:tôi\s+)?ở)`;

const RULES: readonly { kind: RedactionKind; pattern: RegExp; keep?: number }[] = [
  { kind: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu },
  // Phones: +84 / 0 then 9-10 digits, with spaces, dots or dashes between groups.
  { kind: 'phone', pattern: /(?<![\p{L}\p{N}.-])(?:\+84|0084|0)(?:[\s.-]?\d){8,10}(?![\p{N}])/gu },
  // Citizen identity (12 digits), old ID card (9), passport-like letter + 7-8 digits.
  { kind: 'identity', pattern: /(?<![\p{N}])(?:\d{12}|\d{9})(?![\p{N}])/gu },
  { kind: 'identity', pattern: /(?<![\p{L}\p{N}])[A-Z]\d{7,8}(?![\p{N}])/gu },
  // Any other run of 8 or more digits is a number that identifies someone.
  { kind: 'identity', pattern: /(?<![\p{L}\p{N}.-])\d(?:[\s.-]?\d){7,}(?![\p{N}])/gu },
  // "địa chỉ: …", "trú tại …" up to the end of the clause.
  {
    kind: 'address',
    pattern: new RegExp(
      String.raw`(${ADDRESS_LEAD}\s*:?\s*)[^.;\n()]+?(?=[.;\n()]|$|\s+(?:[Ss]ố\s+điện|[Đđ]iện\s+thoại|[Ee]mail|SĐT|CCCD))`,
      'gu',
    ),
    keep: 1,
  },
  // "số 12 đường Lê Lợi, phường …" without a lead word.
  {
    kind: 'address',
    pattern:
      /(?:[Ss]ố(?:\s+nhà)?|[Nn]gõ|[Nn]gách|[Hh]ẻm|[Kk]iệt)\s+\d+[\p{L}\p{N}/]*(?:\s*,)?\s+(?:đường|phố|ngõ|hẻm|thôn|ấp|tổ|khu phố)[^.;\n]*/gu,
  },
  { kind: 'name', pattern: new RegExp(String.raw`(${NAME_LEAD}\s*:?\s*)${NAME}`, 'gu'), keep: 1 },
  { kind: 'name', pattern: new RegExp(String.raw`(${HONORIFIC}\s+)${NAME}`, 'gu'), keep: 1 },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes personal data from a text. `known` are values the system holds about the people involved
 * (the sender's name and email, the officer's name): each is removed wherever it is written, in
 * any letter case.
 */
export function redactPersonalData(
  input: string,
  known: readonly (string | null | undefined)[] = [],
): Redacted {
  let text = input.normalize('NFC');
  const counts = new Map<RedactionKind, number>();
  const bump = (kind: RedactionKind) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  for (const value of known) {
    const v = value?.normalize('NFC').trim();
    if (!v || v.length < 3) continue;
    const kind: RedactionKind = v.includes('@') ? 'email' : /\d/.test(v) ? 'identity' : 'name';
    text = text.replace(new RegExp(escapeRegExp(v), 'giu'), () => {
      bump(kind);
      return REDACTION_MARKS[kind];
    });
  }
  for (const rule of RULES) {
    text = text.replace(rule.pattern, (...args) => {
      bump(rule.kind);
      const kept = rule.keep ? String(args[rule.keep]) : '';
      return `${kept}${REDACTION_MARKS[rule.kind]}`;
    });
  }
  return {
    text,
    removed: REDACTION_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! })),
  };
}
