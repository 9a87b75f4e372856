/** One of the person's 志愿服务证明 drawn as a picture, to keep in the album (WeChat) or download (H5). */
import { useCallback, useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { Certificate } from '@shared/certificate'
import { useCanvasImage } from '@/components/canvas-image'
import DrawnPicture from '@/components/canvas-image/picture'
import { EmptyState, ErrorState, Loading } from '@/components/page-state'
import { useMe } from '@/hooks/use-me'
import { useShownData } from '@/hooks/use-shown-data'
import { ROUTES, openPage } from '@/routes'
import { getMyCertificates } from '@/services/certificate'
import { CERT_HEIGHT, CERT_WIDTH, certificateDrawing } from '../../certificate-image'
import { serialIn } from '../../link'
import './index.scss'

/** How many of the person's certificates are looked through for the one asked for. */
const MAX_PAGES = 10

async function findCertificate(serial: string): Promise<Certificate | null> {
  let cursor: string | undefined
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await getMyCertificates({ cursor, limit: 20 })
    const found = page.items.find((c) => c.serial === serial)
    if (found) return found
    if (!page.nextCursor) return null
    cursor = page.nextCursor
  }
  return null
}

function CertificateImage({ cert }: { cert: Certificate }) {
  const { node, render } = useCanvasImage('certificate-canvas', CERT_WIDTH, CERT_HEIGHT)
  const [image, setImage] = useState<string | null>(null)
  const [problem, setProblem] = useState('')

  const draw = useCallback(() => {
    setProblem('')
    render(certificateDrawing(cert)).then(setImage, (e: Error) => setProblem(e.message))
  }, [cert, render])
  useEffect(() => {
    // The canvas is in the page once it has rendered; draw then.
    const timer = setTimeout(draw, 0)
    return () => clearTimeout(timer)
  }, [draw])

  return (
    <View>
      {node}
      {!image && !problem && <Loading text="正在生成证明图片…" />}
      {image && (
        <DrawnPicture
          image={image}
          label={`志愿服务证明 ${cert.serial}`}
          fileName={`志愿服务证明-${cert.serial}.png`}
        />
      )}
      {problem && <ErrorState message={problem} onRetry={image ? undefined : draw} retryText="重新生成" />}
      {cert.status === 'revoked' && (
        <Text className="error-text">
          这份证明已经作废{cert.revokeReason ? `，原因：${cert.revokeReason}` : ''}。
        </Text>
      )}
      <Button
        className="btn btn--quiet"
        onClick={() => openPage(`${ROUTES.certificateVerify}?serial=${cert.serial}`)}
      >
        看看别人扫码核验时看到什么
      </Button>
    </View>
  )
}

export default function CertificatePage() {
  const { params } = useRouter()
  const serial = serialIn(params.serial)
  const { me, needsIdentity } = useMe()
  const read = useCallback(async () => ({ cert: serial ? await findCertificate(serial) : null }), [serial])
  const { data, error, reload } = useShownData(read)
  const elder = Boolean(me?.profile.elderMode)
  return (
    <View className={`page service${elder ? ' page--elder' : ''}`}>
      {needsIdentity && <EmptyState title="还没有选择体验身份" text="请先到“我的”里选一位体验身份。" />}
      {!needsIdentity && error && !data && (
        <ErrorState message={error.message} onRetry={() => void reload()} />
      )}
      {!needsIdentity && !error && !data && <Loading />}
      {!needsIdentity && data?.cert === null && (
        <EmptyState title="没有找到这份证明" text="可以在“服务记录与证明”里看您开具过的证明。" />
      )}
      {data?.cert && <CertificateImage cert={data.cert} />}
    </View>
  )
}
