/**
 * The content check every text that others may read passes before it is stored
 * (`security.msgSecCheck`, version 2). Risky text is refused with `content-rejected`; when WeChat cannot
 * be asked, the text is refused too rather than published unchecked. The text is checked as foldText
 * reads it (payloads arrive without invisible characters already, server/handler.ts).
 */
import { cloud } from './cloud'
import { foldText } from '../types/text'
import { AppError } from './errors'

interface SecCheckResult {
  result?: { suggest?: string; label?: number }
}

export async function assertSafeText(openid: string, texts: Array<string | null | undefined>): Promise<void> {
  const content = texts
    .filter((t): t is string => Boolean(t && t.trim()))
    .map(foldText)
    .join('\n')
  if (!content) return
  let verdict: SecCheckResult
  try {
    verdict = (await cloud.openapi.security.msgSecCheck({
      content: content.slice(0, 2500),
      version: 2,
      scene: 1,
      openid: openid || undefined,
    })) as SecCheckResult
  } catch (err) {
    console.error('msgSecCheck failed', err)
    throw new AppError('internal', '暂时无法检查内容，请稍后再试')
  }
  if (verdict.result?.suggest && verdict.result.suggest !== 'pass') {
    throw new AppError('content-rejected', '内容含有不合适的文字，请修改后再提交')
  }
}
