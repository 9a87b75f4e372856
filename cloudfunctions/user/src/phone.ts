/**
 * Verified phone numbers. The phone-number button (getPhoneNumber) gives the page a one-time code; this
 * function exchanges it through `phonenumber.getPhoneNumber` for the number WeChat holds for the person,
 * and records it as verified. A verified number belongs to one account (`phones/<number>`, claimed in the
 * same transaction as the person's record); typing a number stays possible but shows as unverified.
 */
import { verifyPhoneInput, type Me } from '../../../types/user'
import type { PhoneRecord, UserRecord } from '../../../types/records'
import { PHONE_PATTERN } from '../../../types/text'
import { cloud, db } from '../../../server/cloud'
import { exists, precondition } from '../../../server/errors'
import { action } from '../../../server/handler'
import { inTransaction } from '../../../server/transaction'
import { toMe } from './views'

interface PhoneInfo {
  purePhoneNumber?: string
  countryCode?: string
}

/** The number WeChat answers for the code, or a refusal the person can act on. */
async function exchange(code: string): Promise<string> {
  const again = precondition('手机号验证没有成功，请重新点一次“验证手机号”；也可以直接填写手机号')
  let answer: { phoneInfo?: PhoneInfo; phone_info?: PhoneInfo }
  try {
    answer = (await cloud.openapi.phonenumber.getPhoneNumber({ code })) as typeof answer
  } catch (err) {
    console.warn('phonenumber.getPhoneNumber refused', (err as { errCode?: number })?.errCode)
    throw again
  }
  const info = answer.phoneInfo ?? answer.phone_info
  const phone = info?.purePhoneNumber ?? ''
  if ((info?.countryCode && info.countryCode !== '86') || !PHONE_PATTERN.test(phone)) {
    throw precondition('目前只能验证中国大陆的手机号，请直接填写手机号')
  }
  return phone
}

/** Lets go of the caller's claim on a number they verified before (it is no longer their number). */
export async function releasePhone(phone: string, openid: string): Promise<void> {
  await db.collection('phones').where({ _id: phone, openid }).remove()
}

export const verifyPhone = action({
  input: verifyPhoneInput,
  run: async (args, caller): Promise<Me> => {
    const phone = await exchange(args.code)
    const me = caller.user!
    const now = Date.now()
    const verified = await inTransaction(async (tx) => {
      let owner: PhoneRecord | null = null
      try {
        owner = (await tx.collection<PhoneRecord>('phones').doc(phone).get()).data
      } catch {
        owner = null
      }
      if (owner && owner.openid !== caller.openid) {
        throw exists('这个手机号已经由另一个微信账号验证过了。如果这是您本人的号码，请联系社工站')
      }
      if (!owner)
        await tx
          .collection('phones')
          .doc(phone)
          .set({ data: { openid: caller.openid, verifiedAt: now } })
      const verifiedAt = owner?.verifiedAt ?? now
      await tx
        .collection('users')
        .doc(caller.openid)
        .update({ data: { phone, phoneVerifiedAt: verifiedAt, updatedAt: now } })
      return { ...me, phone, phoneVerifiedAt: verifiedAt, updatedAt: now } satisfies UserRecord
    })
    // A different number verified before is no longer this person's.
    if (me.phone && me.phoneVerifiedAt && me.phone !== phone) await releasePhone(me.phone, caller.openid)
    return toMe(verified)
  },
})
