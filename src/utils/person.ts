import type { PersonSummary } from '@shared/user'
import { shanghaiMonth } from '@shared/time'

/** 2024-03 → 2024年3月 */
const monthWords = (epochMs: number) => {
  const [year, month] = shanghaiMonth(epochMs).split('-')
  return `${year}年${Number(month)}月`
}

/**
 * What tells two people with one name apart, in one line for a worker choosing among them: community, the
 * masked number and whether WeChat vouched for it, and since when the person uses the app.
 */
export function personDetails(person: PersonSummary, separator = ' · '): string {
  const phone = person.phoneMasked
    ? `${person.phoneMasked}（${person.phoneVerified ? '已验证' : '未验证'}）`
    : '没有填写手机'
  return [person.community || '没有填写社区', phone, `${monthWords(person.since)}起使用`].join(separator)
}
