/**
 * Rules about personal text that the pages and the functions both apply: phone numbers and names.
 */

/** A mainland mobile number: 11 digits starting with 1 and a second digit of 3–9. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/

/** 13912345678 → 139****5678; anything else becomes an empty string. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone || !PHONE_PATTERN.test(phone)) return ''
  return `${phone.slice(0, 3)}****${phone.slice(7)}`
}

/**
 * A name as the public may see it: 张秀芹 → 张*芹, 李四 → 李*, a single character stays.
 * Latin names keep their first and last letter.
 */
export function maskName(name: string | null | undefined): string {
  const chars = Array.from((name ?? '').trim())
  if (chars.length === 0) return '匿名'
  if (chars.length === 1) return chars[0]
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars[chars.length - 1]}`
}

/**
 * Characters that show nothing but can split a word (so that a check misses it) or reorder what is shown:
 * zero-width spaces and joiners, bidi controls and isolates, soft hyphens, fillers, variation selectors and
 * tags.
 */
// The class lists combining marks on their own on purpose: they are what is taken out.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e0fff}]/gu

/**
 * Text as it is checked and stored: without invisible characters, in canonical form (NFC). Full-width
 * punctuation stays as written (，！ are how Chinese is written).
 */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC')
}

/**
 * Text as the content check reads it: clean, with compatibility forms folded (NFKC: ｆｕｌｌ-width letters,
 * circled digits, radicals), so that a risky word cannot hide behind look-alike characters either.
 */
export function foldText(text: string): string {
  return cleanText(text).normalize('NFKC').replace(INVISIBLE, '')
}
