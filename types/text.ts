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
